import { createTestApp, TestApp } from '../support/test-app';

describe('legacy families under their default base paths', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers errors under each base path in that family’s envelope', async () => {
    const ops = await t.http.get('/ops/api/nothing').expect(200);
    expect(ops.body).toEqual({ ok: false, info: 'Cannot GET /ops/api/nothing' });

    const hermes = await t.http.get('/hermes/api/v1/nothing').expect(404);
    expect(hermes.body).toEqual({
      status: 'error',
      error: { code: 404, message: 'Cannot GET /hermes/api/v1/nothing' },
    });

    const cmdb = await t.http.get('/cmdb/api/v0.1/nothing').expect(404);
    expect(cmdb.body).toEqual({ message: 'Cannot GET /cmdb/api/v0.1/nothing' });

    const platform = await t.http.get('/platform/nothing/').expect(404);
    expect(platform.body).toMatchObject({ error_code: expect.any(Number), message: 'Cannot GET /platform/nothing/' });

    const sophon = await t.http.get('/sophon/api/nothing').expect(404);
    expect(sophon.body).toEqual({ msg: 'Cannot GET /sophon/api/nothing' });
  });
});

describe('legacy families under configured base paths', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ COMPAT_PREFIX_OPS: '/legacy/ops', COMPAT_PREFIX_HERMES: '' });
  });
  afterAll(() => t.close());

  it('moves a family to its new prefix, and mounts an empty one at the root', async () => {
    const moved = await t.http.get('/legacy/ops/api/nothing').expect(200);
    expect(moved.body.ok).toBe(false);
    // The old prefix no longer belongs to the ops family; with hermes at the root, hermes answers it.
    const old = await t.http.get('/ops/api/nothing').expect(404);
    expect(old.body).toMatchObject({ status: 'error', error: { code: 404 } });
    // The service's own paths keep their format.
    const own = await t.http.get('/auth/nothing').expect(404);
    expect(own.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
