import { Problem } from '../../common/errors/problem';
import { CompatEnvelope, CompatErrorResponse } from '../compat-envelope';

/**
 * Hermes puts a `status` discriminator in every body: "ok" (200) or "created" (201) beside the
 * resource's own fields, or "error" with `{code: <HTTP status>, message}` (hermes.md §4.3).
 */
export class HermesEnvelope implements CompatEnvelope {
  readonly family = 'hermes' as const;

  renderError(problem: Problem): CompatErrorResponse {
    return {
      status: problem.status,
      body: { status: 'error', error: { code: problem.status, message: problem.message } },
    };
  }

  /** A 200 body: the fields at top level, no data wrapper. */
  static ok<T extends object>(body: T & { status?: never }): { status: 'ok' } & T {
    return { status: 'ok' as const, ...body };
  }

  /** A list page: the items under their own key, the paging, the total under its own name. */
  static page<K extends string, T extends string>(
    key: K,
    items: unknown[],
    page: { limit: number | null; offset: number },
    totalKey: T,
    total: number,
    href: string,
  ) {
    return { status: 'ok' as const, [key]: items, limit: page.limit, offset: page.offset, [totalKey]: total, href };
  }

  /** A 201 body. */
  static created<T extends object>(body: T & { status?: never }): { status: 'created' } & T {
    return { status: 'created' as const, ...body };
  }
}
