import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../../common/errors/domain-errors';
import { toProblem } from '../../common/errors/problem';
import { PlatformEnvelope } from './platform-envelope';

describe('PlatformEnvelope', () => {
  const envelope = new PlatformEnvelope();
  const render = (e: unknown) => envelope.renderError(toProblem(e));

  it('belongs to the platform family', () => {
    expect(envelope.family).toBe('platform');
  });

  it('answers invalid input with 400, 30002 and the field', () => {
    expect(render(new InvalidInputError('url', 'is not a valid domain'))).toEqual({
      status: 400,
      body: { error_code: 30002, message: 'url: is not a valid domain', field: 'url' },
    });
  });

  it('answers a refused state transition with 400 and 30001', () => {
    expect(render(new InvalidStateError('Request already approved'))).toEqual({
      status: 400,
      body: { error_code: 30001, message: 'Request already approved' },
    });
  });

  it.each([
    [new UnauthenticatedError('Token expired'), 401, 30002],
    [new ForbiddenError('No permission to grant'), 403, 30002],
    [new NotFoundError('Template', 'templateB'), 404, 30002],
    [new ConflictError('Script name already exists'), 409, 30001],
  ])('answers %p with HTTP %p and error_code %p', (error, status, code) => {
    expect(render(error)).toEqual({ status, body: { error_code: code, message: error.message } });
  });

  it('renders a 429 in the family envelope', () => {
    expect(render(new TooManyRequestsError('Too many requests', 20))).toEqual({
      status: 429,
      body: { error_code: 30002, message: 'Too many requests' },
    });
  });

  it('answers an internal error with 30004 and the generic text only', () => {
    expect(render(new Error('salt-api: connection refused'))).toEqual({
      status: 500,
      body: { error_code: 30004, message: 'Internal server error' },
    });
  });

  it('sends an endpoint-specific code when given one', () => {
    const problem = toProblem(new InvalidInputError('old_password', 'is wrong'));
    expect(envelope.renderError(problem, 300001)).toEqual({
      status: 400,
      body: { error_code: 300001, message: 'old_password: is wrong', field: 'old_password' },
    });
  });

  it('builds the action success body', () => {
    expect(PlatformEnvelope.success()).toEqual({ message: 'success' });
  });

  describe('page', () => {
    const url = 'http://ops.example.com/platform/hosts/?name=web&page=2&page_size=10';

    it('links both neighbours with absolute URLs, keeping other parameters', () => {
      expect(PlatformEnvelope.page([{ id: 11 }], 25, 2, 10, url)).toEqual({
        count: 25,
        next: 'http://ops.example.com/platform/hosts/?name=web&page=3&page_size=10',
        previous: 'http://ops.example.com/platform/hosts/?name=web&page_size=10',
        prev: 'http://ops.example.com/platform/hosts/?name=web&page_size=10',
        results: [{ id: 11 }],
      });
    });

    it('has no previous on the first page and no next on the last', () => {
      const first = PlatformEnvelope.page([], 5, 1, 10, 'http://h/platform/hosts/');
      expect(first).toMatchObject({ count: 5, next: null, previous: null, prev: null });

      const last = PlatformEnvelope.page([], 30, 3, 10, url);
      expect(last.next).toBeNull();
      expect(last.previous).toBe('http://ops.example.com/platform/hosts/?name=web&page=2&page_size=10');
    });

    it('uses the page parameter the endpoint names', () => {
      const page = PlatformEnvelope.page([], 30, 1, 10, 'http://h/platform/applications/', 'page_number');
      expect(page.next).toBe('http://h/platform/applications/?page_number=2');
    });
  });
});
