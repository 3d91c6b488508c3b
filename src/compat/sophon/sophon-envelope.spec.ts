import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../../common/errors/domain-errors';
import { toProblem } from '../../common/errors/problem';
import { SophonEnvelope } from './sophon-envelope';

describe('SophonEnvelope', () => {
  const envelope = new SophonEnvelope();
  const render = (e: unknown) => envelope.renderError(toProblem(e));

  it('belongs to the sophon family', () => {
    expect(envelope.family).toBe('sophon');
  });

  it.each([
    [new InvalidInputError('hostname', 'is required'), 400, 'hostname: is required'],
    [new UnauthenticatedError('Not logged in'), 401, 'Not logged in'],
    [new ForbiddenError('Only ops users may register users'), 403, 'Only ops users may register users'],
    [new NotFoundError('Host', 7), 404, 'Host 7 not found'],
    [new ConflictError('User "bob" already exists'), 409, 'User "bob" already exists'],
  ])('answers %p with its status and {msg}', (error, status, msg) => {
    expect(render(error)).toEqual({ status, body: { msg } });
  });

  it('renders a 429 in the family envelope', () => {
    expect(render(new TooManyRequestsError('Too many login attempts', 30))).toEqual({
      status: 429,
      body: { msg: 'Too many login attempts' },
    });
  });

  it('shows only the generic text of an internal error', () => {
    const response = render(new Error('SQLITE_ERROR: no such table: hosts'));
    expect(response).toEqual({ status: 500, body: { msg: 'Internal server error' } });
  });

  it('spells the success body as the seed does', () => {
    expect(SophonEnvelope.success()).toEqual({ msg: 'sucess' });
  });
});
