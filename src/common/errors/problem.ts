import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DomainError, TooManyRequestsError } from './domain-errors';

/**
 * Transport-neutral description of a failed request: what every error filter
 * (the default one, each compat family's, GraphQL's) renders.
 */
export interface Problem {
  status: number;
  /** HTTP reason phrase, e.g. "Bad Request". */
  error: string;
  /** Human-readable; names the field when there is one. Never a stack or SQL. */
  message: string;
  field?: string;
  /** The domain error's machine-readable cause, when it gave one. */
  reason?: string;
  retryAfterSeconds?: number;
  /** True when the cause is a bug; the original error must be logged, not shown. */
  internal: boolean;
}

const INTERNAL_MESSAGE = 'Internal server error';

interface BodyParserError {
  type: string;
  status?: number;
  statusCode?: number;
  message: string;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { type?: unknown }).type === 'string' &&
    typeof (e as { status?: unknown }).status === 'number'
  );
}

/** Driver codes of a unique index refusing a row (MySQL/MariaDB, SQLite). */
const UNIQUE_VIOLATIONS = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * Services check uniqueness before they write; a unique index refusing the row anyway means a
 * concurrent request wrote the same value between that check and this write.
 */
function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && UNIQUE_VIOLATIONS.has((e.driverError as { code?: string }).code ?? '');
}

function reason(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function problem(status: number, message: string, extra: Partial<Problem> = {}): Problem {
  return { status, error: reason(status), message, internal: false, ...extra };
}

/** Messages of class-validator failures come as an array; one line reads better. */
function httpExceptionMessage(e: HttpException): string {
  const body = e.getResponse();
  if (typeof body === 'string') return body;
  const msg = (body as { message?: unknown }).message;
  if (Array.isArray(msg)) return msg.map(String).join('; ');
  if (typeof msg === 'string') return msg;
  return e.message;
}

export function toProblem(e: unknown): Problem {
  if (e instanceof DomainError) {
    return problem(e.status, e.message, {
      field: e.field,
      reason: e.reason,
      retryAfterSeconds: e instanceof TooManyRequestsError ? e.retryAfterSeconds : undefined,
    });
  }
  if (e instanceof HttpException) {
    const status = e.getStatus();
    if (status >= 500) return { ...problem(status, INTERNAL_MESSAGE), internal: true };
    return problem(status, httpExceptionMessage(e));
  }
  if (isBodyParserError(e)) {
    // Errors of the body parsers (express): malformed JSON, oversize body, bad charset.
    const status = e.status ?? e.statusCode ?? 400;
    if (e.type === 'entity.parse.failed') return problem(400, `Malformed JSON body: ${e.message}`);
    if (e.type === 'entity.too.large') return problem(413, 'Request body is too large');
    if (status < 500) return problem(status, e.message);
  }
  if (isUniqueViolation(e)) {
    return problem(HttpStatus.CONFLICT, 'A concurrent request has just written the same unique value; send it again');
  }
  return { ...problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_MESSAGE), internal: true };
}

/**
 * What a log line may say about an unexpected error: its name, message and stack.
 * Driver errors also carry the SQL and its parameters (a password hash, a sealed
 * secret), which must not reach the log.
 */
export function loggableError(e: unknown): { name: string; message: string; stack?: string } {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: typeof e, message: String(e) };
}
