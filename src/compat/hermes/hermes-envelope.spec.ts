import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../../common/errors/domain-errors';
import { toProblem } from '../../common/errors/problem';
import { HermesEnvelope } from './hermes-envelope';

describe('HermesEnvelope', () => {
  const envelope = new HermesEnvelope();
  const render = (e: unknown) => envelope.renderError(toProblem(e));

  it('belongs to the hermes family', () => {
    expect(envelope.family).toBe('hermes');
  });

  it.each([
    [new InvalidInputError('hostname', 'is required'), 400, 'hostname: is required'],
    [new UnauthenticatedError('No user'), 401, 'No user'],
    [new ForbiddenError('Restricted event type'), 403, 'Restricted event type'],
    [new NotFoundError('Quest', 5), 404, 'Quest 5 not found'],
    [new ConflictError('Host "server1" already exists'), 409, 'Host "server1" already exists'],
  ])('answers %p with its status in the error envelope', (error, status, message) => {
    expect(render(error)).toEqual({
      status,
      body: { status: 'error', error: { code: status, message } },
    });
  });

  it('renders a 429 in the family envelope', () => {
    expect(render(new TooManyRequestsError('Too many requests', 5))).toEqual({
      status: 429,
      body: { status: 'error', error: { code: 429, message: 'Too many requests' } },
    });
  });

  it('shows only the generic text of an internal error', () => {
    expect(render(new TypeError("Cannot read properties of undefined (reading 'id')"))).toEqual({
      status: 500,
      body: { status: 'error', error: { code: 500, message: 'Internal server error' } },
    });
  });

  it('marks success bodies ok or created, fields at top level', () => {
    expect(HermesEnvelope.ok({ id: 1, hostname: 'example' })).toEqual({
      status: 'ok',
      id: 1,
      hostname: 'example',
    });
    expect(HermesEnvelope.created({ id: 3, description: 'A fate' })).toEqual({
      status: 'created',
      id: 3,
      description: 'A fate',
    });
  });
});
