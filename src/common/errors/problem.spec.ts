import { BadRequestException, NotFoundException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { formatGraphqlError } from '../graphql/format-error';
import { ConflictError, InvalidInputError, NotFoundError, TooManyRequestsError } from './domain-errors';
import { loggableError, toProblem } from './problem';

describe('toProblem', () => {
  it('keeps the field of a domain error and its status', () => {
    expect(toProblem(new InvalidInputError('netmask', 'must be a dotted quad'))).toEqual({
      status: 400,
      error: 'Bad Request',
      message: 'netmask: must be a dotted quad',
      field: 'netmask',
      reason: undefined,
      internal: false,
      retryAfterSeconds: undefined,
    });
    const wrong = new InvalidInputError('original_password', 'does not match').because('wrong_original_password');
    expect(toProblem(wrong).reason).toBe('wrong_original_password');
    expect(toProblem(new NotFoundError('host', 'web-1')).message).toBe('host "web-1" not found');
    expect(toProblem(new ConflictError('username taken')).status).toBe(409);
    expect(toProblem(new TooManyRequestsError('slow down', 7)).retryAfterSeconds).toBe(7);
  });

  it('answers a unique index refusing a row with 409, without the SQL or the value', () => {
    for (const code of ['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE']) {
      const e = new QueryFailedError('INSERT INTO roles ...', ['ops'], Object.assign(new Error('dup'), { code }));
      const p = toProblem(e);
      expect(p).toMatchObject({ status: 409, error: 'Conflict', internal: false });
      expect(p.message).not.toMatch(/INSERT|ops/);
    }
    const other = new QueryFailedError('SELECT', [], Object.assign(new Error('gone'), { code: 'ER_NO_SUCH_TABLE' }));
    expect(toProblem(other)).toMatchObject({ status: 500, internal: true });
  });

  it('joins the messages of a validation failure', () => {
    const e = new BadRequestException(['username must be a string', 'property x should not exist']);
    expect(toProblem(e).message).toBe('username must be a string; property x should not exist');
    expect(toProblem(new NotFoundException('Cannot GET /x')).status).toBe(404);
  });

  it('hides anything unexpected behind a generic 500', () => {
    const p = toProblem(new Error("ER_BAD_FIELD_ERROR: Unknown column 'x' in 'where clause'"));
    expect(p).toMatchObject({ status: 500, message: 'Internal server error', internal: true });
  });
});

describe('formatGraphqlError', () => {
  const format = (original: Error) => {
    const err = new GraphQLError(original.message, { originalError: original, path: ['q'] });
    return formatGraphqlError(err.toJSON(), err);
  };

  it('maps domain errors to extensions.code', () => {
    expect(format(new InvalidInputError('name', 'is required'))).toMatchObject({
      message: 'name: is required',
      extensions: { code: 'BAD_USER_INPUT', status: 400, field: 'name' },
    });
    expect(format(new ConflictError('exists')).extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('never shows the text of an unexpected error', () => {
    const out = format(new Error('SQLITE_ERROR: no such table: users'));
    expect(out.message).toBe('Internal server error');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
  });
});

describe('loggableError', () => {
  it('keeps name, message and stack, and drops what drivers attach (SQL and parameters)', () => {
    const e = Object.assign(new Error('ER_DUP_ENTRY'), { query: 'INSERT ...', parameters: ['scrypt$secret'] });
    const logged = loggableError(e);
    expect(logged).toEqual({ name: 'Error', message: 'ER_DUP_ENTRY', stack: e.stack });
    expect(JSON.stringify(logged)).not.toContain('scrypt$secret');
  });
});
