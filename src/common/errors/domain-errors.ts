// The few errors services throw. Each transport (REST families, GraphQL) maps
// them to its own shape through `toProblem`.
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** The request field the error is about, when there is one. */
  readonly field?: string;
  /** A stable machine-readable cause (e.g. `wrong_original_password`) that legacy families map to their codes. */
  reason?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }

  because(reason: string): this {
    this.reason = reason;
    return this;
  }
}

export class InvalidInputError extends DomainError {
  readonly status = 400;
  constructor(
    field: string,
    /** What is wrong, without the field name. */
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`, field);
  }

  /** The same complaint about another field: a wire format names it differently. */
  withField(field: string): InvalidInputError {
    const renamed = new InvalidInputError(field, this.detail);
    return this.reason ? renamed.because(this.reason) : renamed;
  }
}

export class InvalidStateError extends DomainError {
  readonly status = 400;
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(entity: string, key: string | number, field?: string) {
    super(`${entity} ${JSON.stringify(key)} not found`, field);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A remote system we call (an SSH host, a DNS server) failed or could not be reached: not a bug of ours. */
export class UpstreamError extends DomainError {
  readonly status = 502;
}
