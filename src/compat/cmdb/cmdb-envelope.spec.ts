import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../../common/errors/domain-errors';
import { toProblem } from '../../common/errors/problem';
import { CmdbEnvelope } from './cmdb-envelope';

describe('CmdbEnvelope', () => {
  const envelope = new CmdbEnvelope();
  const render = (e: unknown) => envelope.renderError(toProblem(e));

  it('belongs to the cmdb family', () => {
    expect(envelope.family).toBe('cmdb');
  });

  it.each([
    [new InvalidInputError('ci_type', 'Argument ci_type is required'), 400],
    [new UnauthenticatedError('No authentication method succeeded'), 401],
    [new ForbiddenError('Role admin is required'), 403],
    [new NotFoundError('CI', 42), 404],
  ])('answers %p with its status and {message}', (error, status) => {
    expect(render(error)).toEqual({ status, body: { message: error.message } });
  });

  it('answers a conflict with 400, as the original does', () => {
    expect(render(new ConflictError('attribute hostname already exists'))).toEqual({
      status: 400,
      body: { message: 'attribute hostname already exists' },
    });
  });

  it('renders a 429 in the family envelope', () => {
    expect(render(new TooManyRequestsError('Too many requests', 60))).toEqual({
      status: 429,
      body: { message: 'Too many requests' },
    });
  });

  it('shows only the generic text of an internal error', () => {
    expect(render(new Error("ER_PARSE_ERROR near 'hostname'"))).toEqual({
      status: 500,
      body: { message: 'Internal server error' },
    });
  });

  it('builds message bodies', () => {
    expect(CmdbEnvelope.message()).toEqual({ message: 'ok' });
    expect(CmdbEnvelope.message('CIType Relation is deleted')).toEqual({
      message: 'CIType Relation is deleted',
    });
  });
});
