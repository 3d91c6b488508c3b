import { createUser } from '../support/fixtures';
import { ADMIN_PASSWORD, createTestApp, TestApp } from '../support/test-app';

const QUERY = `query($operation: String, $operator: String, $limit: Int, $offset: Int) {
  auditEntries(operation: $operation, operator: $operator, limit: $limit, offset: $offset) {
    total offset limit
    items { id module targetType targetName operation operatorName detail requestId clientIp createdAt }
  }
}`;

describe('audit log', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t, 'erin', 'erin-password');
  });
  afterAll(() => t.close());

  it('records failed and successful logins with the request id', async () => {
    const failed = await t.http
      .post('/auth/login')
      .set('X-Request-Id', 'req-failed-login')
      .send({ username: 'erin', password: 'wrong' })
      .expect(401);
    expect(failed.headers['x-request-id']).toBe('req-failed-login');
    await t.login('erin', 'erin-password');

    const res = await t.graphql(QUERY, { operator: 'erin' }, await t.adminToken()).expect(200);
    const items = res.body.data.auditEntries.items;
    expect(items.map((e: { operation: string }) => e.operation)).toEqual(['login', 'login_failed']);
    expect(items[1]).toMatchObject({
      module: 'acl',
      targetType: 'user',
      targetName: 'erin',
      detail: 'wrong username or password',
      requestId: 'req-failed-login',
    });
    expect(items[1].clientIp).toBeTruthy();
    expect(JSON.stringify(res.body)).not.toContain('wrong"');
  });

  it('pages newest first and caps the page size', async () => {
    const token = await t.adminToken();
    const all = await t.graphql(QUERY, { limit: 200 }, token).expect(200);
    const { total, items } = all.body.data.auditEntries;
    expect(total).toBe(items.length);
    const ids = items.map((e: { id: number }) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const second = await t.graphql(QUERY, { limit: 1, offset: 1 }, token).expect(200);
    expect(second.body.data.auditEntries.items[0].id).toBe(ids[1]);

    const tooBig = await t.graphql(QUERY, { limit: 201 }, token).expect(200);
    expect(tooBig.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(tooBig.body.errors[0].message).toMatch(/limit/);
  });

  it('is readable by administrators only', async () => {
    const token = await t.login('erin', 'erin-password');
    const res = await t.graphql(QUERY, {}, token).expect(200);
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(res.body.data).toBeNull();
    await t.login('admin', ADMIN_PASSWORD);
  });
});
