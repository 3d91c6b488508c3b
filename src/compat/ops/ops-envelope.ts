import { Problem } from '../../common/errors/problem';
import { CompatEnvelope, CompatErrorResponse } from '../compat-envelope';

/**
 * Every ops answer is `{ok, info}`: info holds the data, or the error text when ok is false.
 * Seed 001 knows three statuses: 200 (check `ok`), 403 (authentication or permission failed)
 * and 500 (internal). 429 is kept so throttled clients can honour Retry-After.
 */
export class OpsEnvelope implements CompatEnvelope {
  readonly family = 'ops' as const;

  renderError(problem: Problem): CompatErrorResponse {
    return {
      status: OpsEnvelope.statusFor(problem.status),
      body: { ok: false, info: problem.message },
    };
  }

  static ok<T>(info: T): { ok: true; info: T } {
    return { ok: true, info };
  }

  /** A list answer: `info: {data, count}`, count being the total before paging. */
  static list<T>(data: T[], count: number): { ok: true; info: { data: T[]; count: number } } {
    return OpsEnvelope.ok({ data, count });
  }

  private static statusFor(status: number): number {
    if (status >= 500) return 500;
    if (status === 401 || status === 403) return 403;
    if (status === 429) return 429;
    return 200;
  }
}
