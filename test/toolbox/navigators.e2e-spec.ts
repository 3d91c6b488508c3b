import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

interface Account {
  id: number;
  token: string;
}

/** External navigators under /platform/external-navigators/ (seed 003) and in GraphQL. */
describe('external navigators', () => {
  let t: TestApp;
  let admin: string;
  const who: Record<string, Account> = {};
  const base = '/platform/external-navigators';
  const bearer = (a: Account | string) => ({ Authorization: `Bearer ${typeof a === 'string' ? a : a.token}` });
  const seed = { name: 'external system a', img: '/imgs/externa-a.jpg', url: 'http://external-a.example.com/' };
  const countRows = async () =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM external_navigators'))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    const perms: Record<string, Record<string, boolean>> = {
      manager: { enable_navigator: true, manage_navigator: true },
      viewer: { enable_navigator: true, view_navigator: true },
      switchless: { view_navigator: true, manage_navigator: true },
    };
    for (const [name, permissions] of Object.entries(perms)) {
      const user = await createUser(t, name, `${name}-password`);
      who[name] = { id: user.id, token: await t.login(name, `${name}-password`) };
      await t.http
        .post(`/platform/users/${user.id}/system/perms/`)
        .set(bearer(admin))
        .send({ module_name: 'navigator', permissions })
        .expect(200);
    }
  });
  afterAll(() => t.close());

  it('creates, reads, changes and deletes a navigator as the seed does', async () => {
    const created = await t.http.post(`${base}/`).set(bearer(who.manager)).send(seed).expect(201);
    expect(created.body).toEqual({ id: expect.any(Number), ...seed, creator: 'manager' });
    const id = created.body.id;
    expect((await t.http.get(`${base}/${id}/`).set(bearer(who.viewer)).expect(200)).body).toEqual(created.body);
    const patched = await t.http
      .patch(`${base}/${id}/`)
      .set(bearer(who.manager))
      .send({ url: 'https://external-a.example.com/home' })
      .expect(200);
    expect(patched.body.url).toBe('https://external-a.example.com/home');
    // The seed's PATCH on the collection, with the id in the body.
    const renamed = await t.http.patch(`${base}/`).set(bearer(who.manager)).send({ id, name: 'system A' }).expect(200);
    expect(renamed.body).toMatchObject({ id, name: 'system A', img: seed.img });
    expect((await t.http.delete(`${base}/${id}`).set(bearer(who.manager)).expect(200)).body).toEqual({
      message: 'success',
    });
    await t.http.get(`${base}/${id}/`).set(bearer(who.manager)).expect(404);
    const audit = await t.graphql(
      `{ auditEntries(targetType: "external_navigator", targetId: "${id}") { items { operation } } }`,
      undefined,
      admin,
    );
    expect(audit.body.data.auditEntries.items.map((e: { operation: string }) => e.operation)).toEqual([
      'delete',
      'update',
      'update',
      'add',
    ]);
  });

  it.each([
    [{ ...seed, url: 'javascript:alert(1)' }, 'url'],
    [{ ...seed, url: 'ftp://files.example.com/' }, 'url'],
    [{ ...seed, url: 'external-a.example.com' }, 'url'],
    [{ ...seed, img: 'data:image/png;base64,AAAA' }, 'img'],
    [{ ...seed, img: '//evil.example.com/a.png' }, 'img'],
    [{ ...seed, name: '' }, 'name'],
    [{ img: seed.img, url: seed.url }, 'name'],
    [{ ...seed, colour: 'red' }, 'colour'],
  ])('refuses %j naming %s, writing nothing', async (body, field) => {
    const before = await countRows();
    const res = await t.http.post(`${base}/`).set(bearer(who.manager)).send(body).expect(400);
    expect(`${res.body.field ?? ''} ${res.body.message}`).toContain(field);
    expect(await countRows()).toBe(before);
  });

  it('keeps the switches: view to read, manage to change, enable_navigator for either', async () => {
    const { body } = await t.http.post(`${base}/`).set(bearer(who.manager)).send(seed).expect(201);
    await t.http.post(`${base}/`).set(bearer(who.viewer)).send(seed).expect(403);
    await t.http.patch(`${base}/${body.id}/`).set(bearer(who.viewer)).send({ name: 'x' }).expect(403);
    await t.http.delete(`${base}/${body.id}/`).set(bearer(who.viewer)).expect(403);
    const refused = await t.http.get(`${base}/`).set(bearer(who.switchless)).expect(403);
    expect(refused.body.message).toContain('enable_navigator');
    await t.http.patch(`${base}/999999/`).set(bearer(who.manager)).send({ name: 'x' }).expect(404);
  });

  it('filters by part of the name and pages', async () => {
    for (const name of ['grafana', 'graylog', 'jenkins']) {
      await t.http
        .post(`${base}/`)
        .set(bearer(who.manager))
        .send({ ...seed, name })
        .expect(201);
    }
    const res = await t.http.get(`${base}/?name=gra&page_size=1`).set(bearer(who.viewer)).expect(200);
    expect(res.body).toMatchObject({ count: 2, results: [{ name: 'graylog' }] });
    expect(res.body.next).toContain('page=2');
    const gql = await t.graphql(
      '{ externalNavigators(name: "jen") { total items { name url creatorName } } }',
      undefined,
      who.viewer.token,
    );
    expect(gql.body.data.externalNavigators).toEqual({
      total: 1,
      items: [{ name: 'jenkins', url: seed.url, creatorName: 'manager' }],
    });
    const bad = await t.graphql(
      'mutation { createExternalNavigator(input: {name: "x", img: "/a.png", url: "file:///etc/passwd"}) { id } }',
      undefined,
      who.manager.token,
    );
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
  });
});
