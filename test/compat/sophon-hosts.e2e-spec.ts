import { generateKeyPairSync } from 'node:crypto';
import { HostPoll } from '../../src/cmdb/inventory/entities/host-poll.entity';
import { Host } from '../../src/cmdb/inventory/entities/host.entity';
import { IpAddress } from '../../src/cmdb/inventory/entities/ip-address.entity';
import { HostsService } from '../../src/cmdb/inventory/hosts.service';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const SSH_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
// The part of the key that is secret: what must never show up in an answer or a column.
const KEY_BODY = SSH_KEY.split('\n')[1];

describe('sophon family: /api/host', () => {
  let t: TestApp;
  let admin: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const addHost = (body: Record<string, unknown>, token = admin) =>
    t.http.post('/sophon/api/host').set(bearer(token)).send(body);
  const status = async () => (await t.http.get('/sophon/api/host/status').set(bearer(admin)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  it('adds a host and answers its status keyed by id, never the key', async () => {
    const res = await addHost({ hostname: 'orion', ip: '192.168.1.10', ssh_secret_key: SSH_KEY }).expect(200);
    const host = await t.dataSource.getRepository(Host).findOneByOrFail({ name: 'orion' });
    // Not polled yet: no state to show.
    expect(res.body).toEqual({
      [host.id]: {
        Hostname: 'orion',
        IP: '192.168.1.10',
        Status: null,
        'CPU Load': null,
        'Memory Usage': [],
        'Disk Usage': [],
      },
    });
    expect(JSON.stringify(res.body)).not.toContain(KEY_BODY);
    expect(JSON.stringify(await status())).not.toContain(KEY_BODY);

    const [row] = await t.dataSource.query('SELECT ssh_secret, ssh_secret_kind, ssh_user FROM hosts WHERE name = ?', [
      'orion',
    ]);
    expect(row.ssh_secret).toEqual(expect.any(String));
    expect(row.ssh_secret).not.toContain(KEY_BODY);
    expect(row).toMatchObject({ ssh_secret_kind: 'private_key', ssh_user: 'root' });
    const ips = await t.dataSource.getRepository(IpAddress).findBy({ hostId: host.id });
    expect(ips.map((i) => [i.address, i.addrType])).toEqual([['192.168.1.10', 'PRIVATE']]);
    // The key is sealed, not lost: the execution module logs in with it.
    await expect(t.app.get(HostsService).sshTargetOf(host.id)).resolves.toEqual({
      host: '192.168.1.10',
      port: 22,
      username: 'root',
      privateKey: SSH_KEY,
    });
  });

  it('takes a form post and an `ssh_user` to log in as', async () => {
    await t.http
      .post('/sophon/api/host')
      .set(bearer(admin))
      .type('form')
      .send({ hostname: 'vega', ip: 'fd00::10', ssh_secret_key: SSH_KEY, ssh_user: 'deploy' })
      .expect(200);
    const host = await t.dataSource.getRepository(Host).findOneByOrFail({ name: 'vega' });
    expect(host.sshUser).toBe('deploy');
    expect((await status())[host.id]).toMatchObject({ Hostname: 'vega', IP: 'fd00::10' });
  });

  it('lists every host with its latest poll', async () => {
    const hosts = t.dataSource.getRepository(Host);
    const orion = await hosts.findOneByOrFail({ name: 'orion' });
    const vega = await hosts.findOneByOrFail({ name: 'vega' });
    // The scheduler does not exist yet: write its rows as it will, one latest poll per host.
    await t.dataSource.getRepository(HostPoll).save([
      { hostId: orion.id, reachable: true, load1: 0.42, memoryUsed: 37.5, diskUsed: 61.25, polledAt: new Date() },
      { hostId: vega.id, reachable: false, load1: null, memoryUsed: null, diskUsed: null, polledAt: new Date() },
    ]);
    expect(await status()).toEqual({
      [orion.id]: {
        Hostname: 'orion',
        IP: '192.168.1.10',
        Status: 'Active',
        'CPU Load': 0.42,
        'Memory Usage': [37.5, 100],
        'Disk Usage': [61.25, 100],
      },
      [vega.id]: {
        Hostname: 'vega',
        IP: 'fd00::10',
        Status: 'Down',
        'CPU Load': null,
        'Memory Usage': [],
        'Disk Usage': [],
      },
    });
  });

  it('shows an ops machine as a host: the same row', async () => {
    await t.http
      .post('/ops/api/machine')
      .set(bearer(admin))
      .send({ action: 'add', data: { machine_name: 'web01', inside_ip: '10.2.2.1', outside_ip: '111.111.11.1' } })
      .expect(200)
      .expect({ ok: true, info: 'add machine info ok' });
    const machine = (await t.http.get('/ops/api/machine').query({ machine_name: 'web01' }).set(bearer(admin))).body;
    expect((await status())[machine.info.id]).toEqual({
      Hostname: 'web01',
      IP: '10.2.2.1',
      Status: null,
      'CPU Load': null,
      'Memory Usage': [],
      'Disk Usage': [],
    });
  });

  it('answers status in a constant number of queries, however many hosts', async () => {
    const countQueries = async (): Promise<number> => {
      const spy = jest.spyOn(t.dataSource.logger, 'logQuery');
      try {
        await status();
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const before = await countQueries();
    for (let i = 0; i < 10; i++) {
      await addHost({ hostname: `fleet-${i}`, ip: `10.5.0.${i + 1}`, ssh_secret_key: SSH_KEY }).expect(200);
    }
    expect(await countQueries()).toBe(before);
  });

  it.each([
    ['a bad ip', { ip: '192.168.1.300' }, 'ip: must be an IPv4 or IPv6 address'],
    ['no ip', { ip: undefined }, /\bip must be a string/],
    ['a bad hostname', { hostname: 'no spaces' }, /^hostname: must be/],
    ['a key that is no private key', { ssh_secret_key: 'hunter2' }, /^ssh_secret_key: must be a PEM/],
    ['a bad ssh_user', { ssh_user: 'root; reboot' }, /^ssh_user must be a user name/],
    ['an unknown field', { port: 2222 }, 'property port should not exist'],
  ])('refuses %s with 400 {msg} naming the field', async (_, change, msg) => {
    const res = await addHost({ hostname: 'bad-1', ip: '10.9.0.1', ssh_secret_key: SSH_KEY, ...change }).expect(400);
    expect(res.body).toEqual({ msg: typeof msg === 'string' ? msg : expect.stringMatching(msg) });
    expect(JSON.stringify(res.body)).not.toContain(KEY_BODY);
    expect(await t.dataSource.getRepository(Host).existsBy({ name: 'bad-1' })).toBe(false);
  });

  it('refuses a hostname that is taken with 409', async () => {
    const res = await addHost({ hostname: 'orion', ip: '10.9.0.2', ssh_secret_key: SSH_KEY }).expect(409);
    expect(res.body).toEqual({ msg: 'host "orion" already exists' });
  });

  it('needs add_host to add a host: 403, then allowed after a module grant; status needs a login', async () => {
    const user = await createUser(t, 'dev', 'dev-password');
    const dev = await t.login('dev', 'dev-password');
    const body = { hostname: 'lyra', ip: '10.9.0.3', ssh_secret_key: SSH_KEY };
    expect((await addHost(body, dev).expect(403)).body).toEqual({
      msg: 'Permission add_host on module host required',
    });
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
    const res = await addHost(body, dev).expect(200);
    expect(Object.values(res.body)).toEqual([expect.objectContaining({ Hostname: 'lyra' })]);
    await t.http.get('/sophon/api/host/status').expect(401);
  });
});
