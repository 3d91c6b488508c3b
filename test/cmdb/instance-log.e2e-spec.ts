import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '../support/fixtures';
import { sshdAvailable, startSshd, TestSshd } from '../support/sshd';
import { createTestApp, TestApp } from '../support/test-app';

// Needs Debian's openssh-server; CI sets TEST_SSHD=1 so a missing sshd fails instead of skipping.
(sshdAvailable() ? describe : describe.skip)('application instance logs read over SSH', () => {
  let t: TestApp;
  let sshd: TestSshd;
  let admin: string;
  let appId: number;
  let instanceId: number;

  const gql = async (query: string, variables?: Record<string, unknown>, token = admin) =>
    (await t.graphql(query, variables, token)).body;

  beforeAll(async () => {
    [t, sshd] = await Promise.all([createTestApp(), startSshd()]);
    admin = await t.adminToken();
    const dir = mkdtempSync(join(tmpdir(), 'app-logs-'));
    writeFileSync(join(dir, 'out.log'), Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
    const host = await gql(`mutation($i: HostInput!) { createHost(input: $i) { id } }`, {
      i: {
        name: 'log-host',
        ssh: { address: sshd.host, port: sshd.port, user: sshd.username, privateKey: sshd.privateKey },
      },
    });
    const app = await gql(`mutation($i: ApplicationInput!) { createApplication(input: $i) { id } }`, {
      i: { name: 'logger', stdoutPath: join(dir, 'out.log'), stderrPath: join(dir, 'missing.log') },
    });
    appId = app.data.createApplication.id;
    const inst = await gql(
      `mutation { setApplicationInstances(id: ${appId}, instances: [{hostId: ${host.data.createHost.id}}], add: true) { instances { id } } }`,
    );
    instanceId = inst.data.setApplicationInstances.instances[0].id;
  });
  afterAll(async () => {
    await Promise.all([t.close(), sshd.stop()]);
  });

  const read = (query: Record<string, string | number>, token = admin) =>
    t.http
      .get(`/platform/application/${appId}/instance/${instanceId}/log/`)
      .set('Authorization', `Bearer ${token}`)
      .query(query);

  it('reads the latest lines and a byte window of the real file', async () => {
    const lines = await read({ mode: 'lines', latest_lines: 2 }).expect(200);
    expect(lines.body).toMatchObject({ content: 'line 99\nline 100\n', lines: 100 });
    const total = lines.body.total_length;
    const bytes = await read({ from_position: 0, block_size: 7 }).expect(200);
    expect(bytes.body).toEqual({ content: 'line 1\n', length: 7, total_length: total, position: 7 });
  });

  it('answers 400 naming the field for bad windows and a missing log path, 404 for a missing file', async () => {
    const both = await read({ from_position: 1, from_last_position: 1 }).expect(400);
    expect(both.body).toMatchObject({
      error_code: expect.any(Number),
      message: expect.stringMatching(/from_last_position/),
    });
    const negative = await read({ block_size: -1 }).expect(400);
    expect(negative.body.message).toMatch(/block_size/);
    await read({ log_type: 'error' }).expect(404);
    await read({ log_type: 'trace' }).expect(400);
  });

  it('needs view_app_log on the application', async () => {
    const user = await createUser(t, 'reader', 'reader-password');
    const token = await t.login('reader', 'reader-password');
    await read({ mode: 'lines', lines: 1 }, token).expect(403);
    await gql(`mutation($i: SetPermissionsInput!) { setPermissions(input: $i) { id } }`, {
      i: {
        subject: { type: 'USER', id: user.id },
        resource: { type: 'application', id: String(appId) },
        changes: [{ permission: 'view_app_log', enabled: true }],
      },
    });
    const ok = await read({ mode: 'lines', lines: 1 }, token).expect(200);
    expect(ok.body.content).toBe('line 1\n');
  });
});
