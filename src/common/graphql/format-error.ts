import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { loggableError, toProblem } from '../errors/problem';

const logger = new Logger('GraphQLError');

const CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  502: 'BAD_GATEWAY',
};

/**
 * Gives every GraphQL error an `extensions.code` (and `status`, `field`), and
 * replaces the text of unexpected errors so no stack or SQL reaches a client.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  // Parse and validation errors of the query itself carry their own code already.
  if (!original || original instanceof GraphQLError) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const problem = toProblem(original);
  if (problem.internal) logger.error({ err: loggableError(original), path: formatted.path }, 'unexpected error');
  return {
    message: problem.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: CODES[problem.status] ?? (problem.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST'),
      status: problem.status,
      ...(problem.field ? { field: problem.field } : {}),
    },
  };
}
