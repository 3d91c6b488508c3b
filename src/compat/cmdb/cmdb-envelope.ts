import { Problem } from '../../common/errors/problem';
import { CompatEnvelope, CompatErrorResponse } from '../compat-envelope';

/**
 * CMDB errors are Flask-RESTful's `{message}` with the HTTP status (cmdb.md §11). It never
 * answers 409: duplicates and other conflicts are 400 there.
 */
export class CmdbEnvelope implements CompatEnvelope {
  readonly family = 'cmdb' as const;

  renderError(problem: Problem): CompatErrorResponse {
    return {
      status: problem.status === 409 ? 400 : problem.status,
      body: { message: problem.message },
    };
  }

  /** The body of answers that carry no data, e.g. `DELETE /ci/<id>` → `{message: "ok"}`. */
  static message(text = 'ok'): { message: string } {
    return { message: text };
  }
}
