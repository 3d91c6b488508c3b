import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../../common/errors/domain-errors';
import { toProblem } from '../../common/errors/problem';
import { OpsEnvelope } from './ops-envelope';

describe('OpsEnvelope', () => {
  const envelope = new OpsEnvelope();
  const render = (e: unknown) => envelope.renderError(toProblem(e));

  it('belongs to the ops family', () => {
    expect(envelope.family).toBe('ops');
  });

  it.each([
    [new InvalidInputError('ip', 'must be an IPv4 address'), 200, 'ip: must be an IPv4 address'],
    [new NotFoundError('Task', '0358c3c7'), 200, 'Task "0358c3c7" not found'],
    [new ConflictError('Machine "web-1" already exists'), 200, 'Machine "web-1" already exists'],
    [new UnauthenticatedError('Login timeout'), 403, 'Login timeout'],
    [new ForbiddenError('Permission adduser required'), 403, 'Permission adduser required'],
  ])('answers %p with HTTP %p and {ok: false, info}', (error, status, info) => {
    expect(render(error)).toEqual({ status, body: { ok: false, info } });
  });

  it('keeps 429', () => {
    expect(render(new TooManyRequestsError('Too many requests', 12))).toEqual({
      status: 429,
      body: { ok: false, info: 'Too many requests' },
    });
  });

  it('answers an internal error with 500 and the generic text only', () => {
    const response = render(new Error('ER_NO_SUCH_TABLE: tasks'));
    expect(response).toEqual({ status: 500, body: { ok: false, info: 'Internal server error' } });
  });

  it('wraps success data', () => {
    expect(OpsEnvelope.ok({ task_id: 'abc' })).toEqual({ ok: true, info: { task_id: 'abc' } });
    expect(OpsEnvelope.ok('delete task ok')).toEqual({ ok: true, info: 'delete task ok' });
  });

  it('wraps a list with its total', () => {
    expect(OpsEnvelope.list([{ id: 1 }], 100)).toEqual({
      ok: true,
      info: { data: [{ id: 1 }], count: 100 },
    });
  });
});
