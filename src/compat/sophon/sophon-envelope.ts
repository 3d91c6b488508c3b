import { Problem } from '../../common/errors/problem';
import { CompatEnvelope, CompatErrorResponse } from '../compat-envelope';

/**
 * Sophon answers bare JSON objects. Seed 000 only says "else return an error message"; the
 * original handlers write it as `{msg: ...}` (login failure: `{"msg": "Wrong username or
 * password"}`), the same key as the success body `{msg: "sucess"}`, so errors are `{msg}`.
 * Unlike the original (always 200), the HTTP status tells clients what went wrong.
 */
export class SophonEnvelope implements CompatEnvelope {
  readonly family = 'sophon' as const;

  renderError(problem: Problem): CompatErrorResponse {
    return {
      status: problem.status,
      body: { msg: problem.message },
    };
  }

  /** The success body of writes; the seed's spelling is kept, clients may compare it. */
  static success(): { msg: 'sucess' } {
    return { msg: 'sucess' };
  }
}
