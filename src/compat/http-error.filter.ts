import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { loggableError, toProblem } from '../common/errors/problem';
import { CompatRegistry } from './compat-registry';

/**
 * Every HTTP error goes through here: under a legacy family's base path it is
 * rendered in that family's envelope, elsewhere as `{statusCode, error, message}`.
 * Bugs are logged with their stack and answered with a generic 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly registry: CompatRegistry) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // GraphQL errors are shaped by the GraphQL module's formatError.
    if (host.getType<string>() !== 'http') return exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.internal) this.logger.error({ err: loggableError(exception) }, 'unexpected error');
    if (res.headersSent) return;

    if (problem.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    const envelope = this.registry.envelopeFor(req.path);
    if (envelope) {
      const { status, body } = envelope.renderError(problem);
      res.status(status).json(body);
      return;
    }
    res.status(problem.status).json({ statusCode: problem.status, error: problem.error, message: problem.message });
  }
}
