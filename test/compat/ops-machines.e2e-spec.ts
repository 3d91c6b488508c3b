import { IpAddress, AddrOwner, AddrType } from '../../src/cmdb/inventory/entities/ip-address.entity';
import { Host } from '../../src/cmdb/inventory/entities/host.entity';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('ops family: /api/machine', () => {
  let t: TestApp;
  let admin: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const machine = (name: string, extra: Record<string, unknown> = {}) => ({
    machine_name: name,
    inside_ip: '10.2.2.1',
    outside_ip: '111.111.11.1',
    userage: 'web 服务器1',
    is_initialized: 0,
    location: '阿里云',
    ...extra,
  });
  const post = (action: string, data: unknown, token = admin) =>
    t.http.post('/ops/api/machine').set(bearer(token)).send({ action, data });
  const get = async (machine_name: string) =>
    (await t.http.get('/ops/api/machine').query({ machine_name }).set(bearer(admin)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  it('adds a machine and shows it by name with the seed’s fields', async () => {
    const res = await post('add', machine('web01')).expect(200);
    expect(res.body).toEqual({ ok: true, info: 'add machine info ok' });
    expect(await get('web01')).toEqual({
      ok: true,
      info: {
        id: expect.any(Number),
        machine_name: 'web01',
        inside_ip: '10.2.2.1',
        outside_ip: '111.111.11.1',
        userage: 'web 服务器1',
        usage: 'web 服务器1',
        is_initialized: 0,
        location: '阿里云',
      },
    });
  });

  it('takes a form post with `data` as a JSON string, and `usage` for `userage`', async () => {
    const { userage: _, ...rest } = machine('web02', { inside_ip: '10.2.2.2', outside_ip: '' });
    await t.http
      .post('/ops/api/machine')
      .set(bearer(admin))
      .type('form')
      .send({ action: 'add', data: JSON.stringify({ ...rest, usage: 'cache', is_initialized: 1 }) })
      .expect(200)
      .expect({ ok: true, info: 'add machine info ok' });
    expect((await get('web02')).info).toMatchObject({
      inside_ip: '10.2.2.2',
      outside_ip: '',
      userage: 'cache',
      is_initialized: 1,
    });
  });

  it('lists a page as {data, count}, reading start and count, and ignores them with machine_name', async () => {
    await post('add', machine('web03', { inside_ip: '10.2.2.3' })).expect(200);
    const page = await t.http.get('/ops/api/machine').query({ start: 1, count: 1 }).set(bearer(admin)).expect(200);
    expect(page.body).toEqual({ ok: true, info: { data: [expect.any(Object)], count: 3 } });
    expect(page.body.info.data[0]).toMatchObject({ machine_name: 'web02', inside_ip: '10.2.2.2' });
    const all = await t.http.get('/ops/api/machine').set(bearer(admin)).expect(200);
    expect(all.body.info.data.map((m: { machine_name: string }) => m.machine_name)).toEqual([
      'web01',
      'web02',
      'web03',
    ]);
    const one = await t.http
      .get('/ops/api/machine')
      .query({ machine_name: 'web03', start: 5, count: 1 })
      .set(bearer(admin))
      .expect(200);
    expect(one.body.info.machine_name).toBe('web03');
  });

  it('updates the given fields, replacing the inside and outside addresses and keeping the others', async () => {
    const host = await t.dataSource.getRepository(Host).findOneByOrFail({ name: 'web01' });
    // A virtual address the machine also answers on (a VIP), set through the inventory: not ops' inside_ip.
    await t.dataSource
      .getRepository(IpAddress)
      .save({ hostId: host.id, address: '10.2.2.100', addrType: AddrType.PRIVATE, isVirtual: true });
    await post('update', { machine_name: 'web01', inside_ip: '10.2.3.1', is_initialized: 1, location: 'rack 4' })
      .expect(200)
      .expect({ ok: true, info: 'update machine info ok' });
    expect((await get('web01')).info).toEqual({
      id: host.id,
      machine_name: 'web01',
      inside_ip: '10.2.3.1',
      outside_ip: '111.111.11.1',
      userage: 'web 服务器1',
      usage: 'web 服务器1',
      is_initialized: 1,
      location: 'rack 4',
    });
    await post('update', { machine_name: 'web01', outside_ip: '' }).expect(200);
    const ips = await t.dataSource
      .getRepository(IpAddress)
      .find({ where: { hostId: host.id }, order: { address: 'ASC' } });
    expect(ips.map((i) => [i.address, i.addrType, i.owner, i.isVirtual])).toEqual([
      ['10.2.2.100', AddrType.PRIVATE, AddrOwner.HOST, true],
      ['10.2.3.1', AddrType.PRIVATE, AddrOwner.HOST, false],
    ]);
    expect((await get('web01')).info.outside_ip).toBe('');
  });

  it.each([
    [
      'a bad inside_ip',
      'add',
      machine('bad-1', { inside_ip: '10.2.2.300' }),
      'inside_ip: must be an IPv4 or IPv6 address',
    ],
    [
      'a bad outside_ip',
      'add',
      machine('bad-1', { outside_ip: 'example.com' }),
      'outside_ip: must be an IPv4 or IPv6 address',
    ],
    ['an empty inside_ip', 'add', machine('bad-1', { inside_ip: '' }), 'inside_ip: must be an IPv4 or IPv6 address'],
    [
      'one address twice',
      'add',
      machine('bad-1', { inside_ip: '10.2.2.1', outside_ip: '10.2.2.1' }),
      /^outside_ip: 10\.2\.2\.1 is listed twice/,
    ],
    [
      'a bad inside_ip in an update',
      'update',
      { machine_name: 'web03', inside_ip: '10.2.2' },
      'inside_ip: must be an IPv4 or IPv6 address',
    ],
    ['a bad machine_name', 'add', machine('bad name'), /^machine_name: must be/],
    ['no inside_ip', 'add', { ...machine('bad-1'), inside_ip: undefined }, /inside_ip must be a string/],
    ['is_initialized 2', 'add', machine('bad-1', { is_initialized: 2 }), /is_initialized must be one of/],
    ['usage differing from userage', 'add', machine('bad-1', { usage: 'db' }), 'usage: differs from userage'],
    ['an unknown field', 'add', machine('bad-1', { cpu: 4 }), /property cpu should not exist/],
    ['a list', 'add', [machine('bad-1')], 'data: must be one machine object'],
    ['an unknown action', 'remove', machine('bad-1'), /^action must be one of/],
  ])('answers %s with HTTP 200 ok=false naming the field', async (_, action, data, info) => {
    const res = await post(action, data).expect(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.info).toEqual(typeof info === 'string' ? info : expect.stringMatching(info));
    expect(await t.dataSource.getRepository(Host).existsBy({ name: 'bad-1' })).toBe(false);
  });

  it('refuses `data` that is not JSON, and a page size over the maximum', async () => {
    const form = await t.http
      .post('/ops/api/machine')
      .set(bearer(admin))
      .type('form')
      .send({ action: 'add', data: '{oops' })
      .expect(200);
    expect(form.body).toEqual({ ok: false, info: 'data: must be a JSON object or array' });
    const big = await t.http.get('/ops/api/machine').query({ count: 201 }).set(bearer(admin)).expect(200);
    expect(big.body).toEqual({ ok: false, info: expect.stringMatching(/^count must not be greater than 200/) });
  });

  it('refuses a duplicate machine_name, and an unknown one, with ok=false', async () => {
    const dup = await post('add', machine('web01', { inside_ip: '10.9.9.9' })).expect(200);
    expect(dup.body).toEqual({ ok: false, info: 'host "web01" already exists' });
    const missing = await post('update', { machine_name: 'nope', location: 'x' }).expect(200);
    expect(missing.body).toEqual({ ok: false, info: 'host "nope" not found' });
    expect((await t.http.get('/ops/api/machine').query({ machine_name: 'nope' }).set(bearer(admin))).body).toEqual(
      missing.body,
    );
  });

  it('needs add_host to add: 403 ok=false, then allowed after a module grant', async () => {
    const user = await createUser(t, 'mona', 'mona-password');
    const mona = await t.login('mona', 'mona-password');
    const denied = await post('add', machine('db01', { inside_ip: '10.3.0.1' }), mona).expect(403);
    expect(denied.body).toEqual({ ok: false, info: 'Permission add_host on module host required' });
    expect(await t.dataSource.getRepository(Host).existsBy({ name: 'db01' })).toBe(false);
    await t.http.delete('/ops/api/machine').query({ machine_name: 'web03' }).set(bearer(mona)).expect(403);

    const grant = await t.graphql(
      `mutation($i: SetPermissionsInput!) { setPermissions(input: $i) { id } }`,
      {
        i: {
          subject: { type: 'USER', id: user.id },
          resource: { type: 'module', id: 'host' },
          changes: [{ permission: 'add_host', enabled: true }],
        },
      },
      admin,
    );
    expect(grant.body.errors).toBeUndefined();
    await post('add', machine('db01', { inside_ip: '10.3.0.1' }), mona)
      .expect(200)
      .expect({ ok: true, info: 'add machine info ok' });
    // Adding is not editing: the per-host right is separate.
    const edit = await post('update', { machine_name: 'db01', location: 'x' }, mona).expect(403);
    expect(edit.body.ok).toBe(false);
  });

  it('deletes by machine_name, in the query string or the body', async () => {
    await t.http
      .delete('/ops/api/machine')
      .query({ machine_name: 'web03' })
      .set(bearer(admin))
      .expect(200)
      .expect({ ok: true, info: 'delete machin info ok' });
    await t.http
      .delete('/ops/api/machine')
      .type('form')
      .send({ machine_name: 'web02' })
      .set(bearer(admin))
      .expect(200)
      .expect({ ok: true, info: 'delete machin info ok' });
    expect((await get('web03')).ok).toBe(false);
    const again = await t.http.delete('/ops/api/machine').query({ machine_name: 'web03' }).set(bearer(admin));
    expect(again.body).toEqual({ ok: false, info: 'host "web03" not found' });
    const none = await t.http.delete('/ops/api/machine').set(bearer(admin)).expect(200);
    expect(none.body).toEqual({ ok: false, info: 'machine_name: is required' });
  });

  it('needs a login: 403 {ok: false} without a token', async () => {
    const res = await t.http.get('/ops/api/machine').expect(403);
    expect(res.body.ok).toBe(false);
  });
});
