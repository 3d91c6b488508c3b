import { Problem } from '../common/errors/problem';

/** What a legacy REST family answers for an error: its status code and body. */
export interface CompatErrorResponse {
  status: number;
  body: unknown;
}

/**
 * A legacy family's wire conventions. The global error filter hands every
 * error raised under the family's base path to `renderError`.
 */
export interface CompatEnvelope {
  readonly family: CompatFamily;
  renderError(problem: Problem): CompatErrorResponse;
}

export const COMPAT_FAMILIES = ['sophon', 'ops', 'hermes', 'platform', 'cmdb'] as const;
export type CompatFamily = (typeof COMPAT_FAMILIES)[number];
