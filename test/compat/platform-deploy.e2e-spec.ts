import { Writable } from 'node:stream';
import { utils as sshUtils } from 'ssh2';
import request from 'supertest';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'repo-password-9f3c1d';
const NEW_PASSWORD = 'repo-password-rotated-77ab';
const INLINE_PASSWORD = 'inline-password-51e0';
const KEY = sshUtils.generateKeyPairSync('ed25519');
const KEY_BODY = KEY.private.split('\n')[1];

interface Caller {
  id: number;
  token: string;
}

/**
 * The platform family's deploy configuration (seed 003): deploy settings and their template link,
 * templates, scripts and repository credentials, with every answer and log line checked for secrets.
 */
describe('platform deploy configuration', () => {
  let t: TestApp;
  let admin: string;
  const lines: string[] = [];
  const answers: string[] = [];
  const users: Record<'manager' | 'deployer' | 'viewer' | 'outsider', Caller> = {} as never;
  const apps: Record<string, number> = {};
  const ids: Record<string, number> = {};

  /** Every call goes through here, so every answer is checked for secrets at the end. */
  const call = async (
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    token: string,
    body?: unknown,
  ): Promise<request.Response> => {
    let req = t.http[method](`/platform${path}`).set('Authorization', `Bearer ${token}`);
    if (body !== undefined) req = req.send(body as object);
    const res = await req;
    answers.push(res.text);
    return res;
  };
  const expectStatus = (res: request.Response, status: number) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
    return res.body;
  };

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await createTestApp({ LOG_LEVEL: 'trace', DEPLOY_RENDER_TIMEOUT_MS: '700' }, undefined, { logStream: stream });
    admin = await t.adminToken();
    for (const name of ['manager', 'deployer', 'viewer', 'outsider'] as const) {
      const u = await createUser(t, name, `${name}-password`);
      users[name] = { id: u.id, token: await t.login(name, `${name}-password`) };
    }
    for (const name of ['shop', 'api', 'web', 'blog']) {
      const body = name === 'shop' ? { name } : { name, parent_app: apps.shop };
      apps[name] = expectStatus(await call('post', '/applications/', admin, body), 201).id;
    }
    expectStatus(
      await call('post', `/users/${users.manager.id}/system/perms/`, admin, {
        module_name: 'deploy_template',
        permissions: { enable_deploy_template_mgmt: true },
      }),
      200,
    );
    expectStatus(
      await call('post', `/users/${users.deployer.id}/application/perms/`, admin, {
        authorizations: [
          { id: apps.api, permission: { view_app: true, deploy_app: true } },
          { id: apps.web, permission: { view_app: true, deploy_app: true } },
        ],
      }),
      200,
    );
    expectStatus(
      await call('post', `/users/${users.viewer.id}/application/perms/`, admin, {
        authorizations: [{ id: apps.api, permission: { view_app: true } }],
      }),
      200,
    );
  });
  afterAll(() => t.close());

  describe('repository credentials', () => {
    it('creates a password credential and answers its type and username, never the password', async () => {
      const body = expectStatus(
        await call('post', '/application/repository-credentials/password/', users.manager.token, {
          name: 'git-ci',
          username: 'ci',
          password: PASSWORD,
        }),
        201,
      );
      expect(body).toEqual({ id: expect.any(Number), name: 'git-ci', type: 'PASSWORD', username: 'ci' });
      ids.password = body.id;
      const [row] = await t.dataSource.query('SELECT sealed_secret FROM repository_credentials WHERE id = ?', [
        body.id,
      ]);
      expect(row.sealed_secret).toMatch(/^v1:/);
      expect(row.sealed_secret).not.toContain(PASSWORD);
    });

    it('creates an SSH key credential, its name defaulting to the username', async () => {
      const body = expectStatus(
        await call('post', '/application/repository-credentials/ssh-private-key/', users.manager.token, {
          username: 'deploy',
          private_key: KEY.private,
        }),
        201,
      );
      expect(body).toEqual({ id: expect.any(Number), name: 'deploy', type: 'SSH_PRIVATE_KEY', username: 'deploy' });
      ids.key = body.id;
    });

    it('lists, filters and reads each kind on its own path', async () => {
      const list = expectStatus(await call('get', '/application/repository-credentials/password/', admin), 200);
      expect(list).toMatchObject({ count: 1, next: null, prev: null, results: [{ id: ids.password, name: 'git-ci' }] });
      const byUser = expectStatus(
        await call('get', '/application/repository-credentials/ssh-private-key/?username=deploy', admin),
        200,
      );
      expect(byUser.results.map((r: { id: number }) => r.id)).toEqual([ids.key]);
      const none = expectStatus(
        await call('get', '/application/repository-credentials/password/?name=zzz', admin),
        200,
      );
      expect(none.count).toBe(0);
      const one = expectStatus(
        await call('get', `/application/repository-credentials/password/${ids.password}/`, admin),
        200,
      );
      expect(one).toEqual({ id: ids.password, name: 'git-ci', type: 'PASSWORD', username: 'ci' });
      expectStatus(await call('get', `/application/repository-credentials/password/${ids.key}/`, admin), 404);
      expectStatus(await call('get', '/application/repository-credentials/token/', admin), 404);
    });

    it('changes a password by the body id (the seed’s path) and by the path id, sealing the new one', async () => {
      const [before] = await t.dataSource.query('SELECT sealed_secret FROM repository_credentials WHERE id = ?', [
        ids.password,
      ]);
      const byBody = expectStatus(
        await call('patch', '/application/repository-credentials/password/', users.manager.token, {
          id: ids.password,
          password: NEW_PASSWORD,
        }),
        200,
      );
      expect(byBody).toEqual({ id: ids.password, name: 'git-ci', type: 'PASSWORD', username: 'ci' });
      const [after] = await t.dataSource.query('SELECT sealed_secret FROM repository_credentials WHERE id = ?', [
        ids.password,
      ]);
      expect(after.sealed_secret).not.toBe(before.sealed_secret);
      const byPath = expectStatus(
        await call('patch', `/application/repository-credentials/password/${ids.password}/`, users.manager.token, {
          username: 'ci-bot',
        }),
        200,
      );
      expect(byPath.username).toBe('ci-bot');
    });

    it.each([
      ['post', '/password/', { name: 'x', password: 'p' }, 400, 'username'],
      ['post', '/password/', { username: 'x' }, 400, 'password'],
      ['post', '/password/', { name: 'git-ci', username: 'u', password: 'p' }, 409, 'name'],
      ['post', '/password/', { username: 'u', password: 'p', private_key: 'k' }, 400, 'private_key'],
      ['post', '/ssh-private-key/', { username: 'u', private_key: 'not a key' }, 400, 'private_key'],
      ['post', '/password/', { username: 'a b', password: 'p' }, 400, 'username'],
      ['post', '/password/', { username: 'u', password: 'p', colour: 'red' }, 400, 'colour'],
      ['patch', '/password/', { password: 'p' }, 400, 'id'],
      ['patch', '/password/999999/', { password: 'p' }, 404, '999999'],
      ['delete', '/password/999999/', undefined, 404, '999999'],
    ] as const)('%s %s %j answers %i naming %s', async (method, path, body, status, field) => {
      const res = await call(method, `/application/repository-credentials${path}`, users.manager.token, body);
      expect(res.status).toBe(status);
      expect(res.body.error_code).toEqual(status === 409 ? 30001 : expect.any(Number));
      expect(`${res.body.field ?? ''} ${res.body.message}`).toContain(field);
    });

    it('refuses an encrypted key without repeating it', async () => {
      const encrypted = sshUtils.generateKeyPairSync('ed25519', {
        passphrase: 'secret-pass',
        cipher: 'aes256-cbc',
        rounds: 16,
      });
      const res = await call('post', '/application/repository-credentials/ssh-private-key/', users.manager.token, {
        username: 'u2',
        private_key: encrypted.private,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ field: 'private_key', message: expect.stringContaining('unencrypted') });
      expect(res.text).not.toContain(encrypted.private.split('\n')[1]);
    });

    it('needs enable_deploy_template_mgmt to change credentials', async () => {
      const res = await call('post', '/application/repository-credentials/password/', users.deployer.token, {
        username: 'x',
        password: 'p',
      });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        error_code: 30002,
        message: expect.stringContaining('enable_deploy_template_mgmt'),
      });
    });
  });

  describe('deploy scripts', () => {
    it('creates a script with the seed’s shape, the caller as its creator', async () => {
      const body = expectStatus(
        await call('post', '/application/deploy-scripts/', users.manager.token, {
          name: 'pre exec script',
          creator: 'someone-else',
          language: 'bash',
          content: 'echo "pre {{ application.name }} {{ version }}"',
        }),
        201,
      );
      expect(body).toEqual({
        id: expect.any(Number),
        name: 'pre exec script',
        creator: 'manager',
        language: 'bash',
        content: 'echo "pre {{ application.name }} {{ version }}"',
        template_engine: 'jinja',
      });
      ids.pre = body.id;
      ids.post = expectStatus(
        await call('post', '/application/deploy-scripts/', users.manager.token, {
          name: 'post exec script',
          language: 'python',
          content: 'print("{{ deploy.current_path }}")',
          template_engine: 'jinja',
        }),
        201,
      ).id;
    });

    it('answers 30002 for an unsupported language, 30003 for an unsupported engine, 30001 for a taken name', async () => {
      const language = await call('post', '/application/deploy-scripts/', users.manager.token, {
        name: 'perl one',
        language: 'perl',
        content: 'print 1',
      });
      expect(language.status).toBe(400);
      expect(language.body).toMatchObject({ error_code: 30002, field: 'language' });
      const engine = await call('post', '/application/deploy-scripts/', users.manager.token, {
        name: 'mako one',
        language: 'bash',
        content: 'echo',
        template_engine: 'mako',
      });
      expect(engine.status).toBe(400);
      expect(engine.body).toMatchObject({ error_code: 30003, field: 'template_engine' });
      const patched = await call('patch', `/application/deploy-scripts/${ids.pre}/`, users.manager.token, {
        template_engine: 'mako',
      });
      expect(patched.body).toMatchObject({ error_code: 30003 });
      const taken = await call('post', '/application/deploy-scripts/', users.manager.token, {
        name: 'post exec script',
        language: 'bash',
        content: 'echo',
      });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ error_code: 30001, field: 'name' });
    });

    it('refuses a script that does not render with 400 naming its line, and keeps the old content', async () => {
      const syntax = await call('patch', `/application/deploy-scripts/${ids.pre}/`, users.manager.token, {
        content: 'echo one\necho two\n{% if version %}\necho three',
      });
      expect(syntax.status).toBe(400);
      expect(syntax.body).toMatchObject({ field: 'content', message: expect.stringMatching(/^content: line \d+/) });
      const call3 = await call('post', '/application/deploy-scripts/', users.manager.token, {
        name: 'broken',
        language: 'bash',
        content: 'echo ok\n{{ undefined_function() }}',
      });
      expect(call3.status).toBe(400);
      expect(call3.body.message).toMatch(/^content: line 2, column \d+: Unable to call `undefined_function`/);
      const kept = expectStatus(await call('get', `/application/deploy-scripts/${ids.pre}/`, admin), 200);
      expect(kept.content).toBe('echo "pre {{ application.name }} {{ version }}"');
    });

    it('stops a script whose rendering never ends, in time, and stays usable', async () => {
      const started = Date.now();
      const res = await call('post', '/application/deploy-scripts/', users.manager.token, {
        name: 'endless',
        language: 'bash',
        content: '{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}',
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('rendering took longer than 700 ms');
      expect(Date.now() - started).toBeLessThan(15_000);
      const next = await call('post', '/application/deploy-scripts/', users.manager.token, {
        name: 'after endless',
        language: 'bash',
        content: 'echo {{ 2 * 3 }}',
      });
      expect(next.status).toBe(201);
      ids.after = next.body.id;
    });

    it('refuses a script that reaches for the service’s process, and one that includes a file', async () => {
      for (const content of [
        '{{ range.constructor("return process.env")() }}',
        '{{ "".constructor.constructor("return process.mainModule.require(\'child_process\').execSync(\'id\')")() }}',
        '{% include "/etc/passwd" %}',
      ]) {
        const res = await call('post', '/application/deploy-scripts/', users.manager.token, {
          name: 'escape',
          language: 'bash',
          content,
        });
        expect(res.status).toBe(400);
        expect(res.body.field).toBe('content');
        expect(res.text).not.toMatch(/root:x:0|uid=/);
      }
    });

    it('lists with the seed’s filters and reads one; unknown ids are 404', async () => {
      const bash = expectStatus(await call('get', '/application/deploy-scripts/?language=bash', admin), 200);
      expect(bash.results.map((s: { id: number }) => s.id)).toEqual([ids.pre, ids.after]);
      const named = expectStatus(
        await call('get', '/application/deploy-scripts/?name=post&creator=manager', admin),
        200,
      );
      expect(named.results.map((s: { id: number }) => s.id)).toEqual([ids.post]);
      const content = expectStatus(await call('get', '/application/deploy-scripts/?content=current_path', admin), 200);
      expect(content.count).toBe(1);
      expectStatus(await call('get', '/application/deploy-scripts/999999/', admin), 404);
      expectStatus(await call('patch', '/application/deploy-scripts/999999/', users.manager.token, { name: 'x' }), 404);
      expectStatus(await call('delete', '/application/deploy-scripts/999999/', users.manager.token), 404);
      expectStatus(await call('get', '/application/deploy-scripts/999999/applications/', admin), 404);
    });
  });

  describe('deploy templates', () => {
    it('creates a template with the seed’s body, linking applications, and answers the seed’s object', async () => {
      const body = expectStatus(
        await call('post', '/application/deploy-templates/', admin, {
          name: 'java-service',
          applications: [apps.web],
          repository: { type: 'GIT', url: 'http://git.example.test/test', branch: 'release', credential: ids.password },
          deploy_path: '/path/to/deploy/path',
          timeout: 300,
          keep_backups: 3,
          lifecycle_hooks: {
            running_user: 'work',
            global_pre_exec: null,
            pre_exec: { script: { id: ids.pre } },
            post_exec: { script: { id: ids.post }, running_user: 'root' },
            glboal_post_exec: null,
          },
        }),
        201,
      );
      expect(body).toEqual({
        id: expect.any(Number),
        name: 'java-service',
        enabled: true,
        creator: 'admin',
        applications: [{ id: apps.web, name: 'web', full_name: 'shop.web' }],
        repository: {
          type: 'GIT',
          url: 'http://git.example.test/test',
          branch: 'release',
          credential: { id: ids.password, name: 'git-ci', type: 'PASSWORD', username: 'ci-bot' },
        },
        deploy_path: '/path/to/deploy/path',
        script_running_user: 'work',
        timeout: 300,
        keep_backups: 3,
        lifecycle_hooks: {
          running_user: 'work',
          global_pre_exec: null,
          pre_exec: { running_user: null, script: expect.objectContaining({ id: ids.pre, name: 'pre exec script' }) },
          post_exec: { running_user: 'root', script: expect.objectContaining({ id: ids.post, language: 'python' }) },
          global_post_exec: null,
          glboal_post_exec: null,
        },
      });
      ids.template = body.id;
    });

    it('lists, filters by name and creator, reads and changes a template', async () => {
      ids.other = expectStatus(
        await call('post', '/application/deploy-templates/', users.manager.token, {
          name: 'static-site',
          repository: { type: 'HTTP', url: 'http://files.example.test/site.tgz' },
          deploy_path: '/srv/site',
        }),
        201,
      ).id;
      const list = expectStatus(await call('get', '/application/deploy-templates/?page_size=1', admin), 200);
      expect(list.count).toBe(2);
      expect(list.next).toMatch(/page=2/);
      const named = expectStatus(
        await call('get', '/application/deploy-templates/?name=static&creator=manager', admin),
        200,
      );
      expect(named.results.map((r: { id: number }) => r.id)).toEqual([ids.other]);
      const patched = expectStatus(
        await call('patch', `/application/deploy-templates/${ids.other}/`, users.manager.token, {
          keep_backups: 10,
          enabled: false,
        }),
        200,
      );
      expect(patched).toMatchObject({ keep_backups: 10, enabled: false, timeout: null, deploy_path: '/srv/site' });
      const one = expectStatus(await call('get', `/application/deploy-templates/${ids.other}/`, admin), 200);
      expect(one).toMatchObject({ id: ids.other, keep_backups: 10, applications: [] });
    });

    it.each([
      [{ name: 'x', repository: { type: 'GIT', url: 'http://g.example.test/a', branch: 'b' } }, 400, 'deploy_path'],
      [{ name: 'x', deploy_path: '/a' }, 400, 'repository'],
      [{ deploy_path: '/a', repository: { type: 'PATH', url: '/pkg' } }, 400, 'name'],
      [{ name: 'java-service', deploy_path: '/a', repository: { type: 'PATH', url: '/pkg' } }, 409, 'name'],
      [
        {
          name: 'x',
          deploy_path: '/a',
          repository: { type: 'HTTP', url: 'http://f.example.test/p', credential: 999999 },
        },
        404,
        'repository.credential',
      ],
      [
        {
          name: 'x',
          deploy_path: '/a',
          repository: { type: 'PATH', url: '/p' },
          lifecycle_hooks: { pre_exec: { script: 999999 } },
        },
        404,
        'lifecycle_hooks.pre_exec.script',
      ],
      [
        { name: 'x', deploy_path: '/a', repository: { type: 'PATH', url: '/p' }, applications: [999999] },
        404,
        'applications[0]',
      ],
      [{ name: 'x', deploy_path: '/a', repository: { type: 'PATH', url: '/p' }, template: { id: 1 } }, 400, 'template'],
      [
        {
          name: 'x',
          deploy_path: '/a',
          repository: { type: 'SVN', url: 'http://s.example.test/a', credential: { id: 'x' } },
        },
        400,
        'repository.credential',
      ],
    ])('refuses creating %j with %i naming %s, leaving nothing behind', async (body, status, field) => {
      const before = expectStatus(await call('get', '/application/deploy-templates/', admin), 200).count;
      const res = await call('post', '/application/deploy-templates/', users.manager.token, body);
      expect(res.status).toBe(status);
      expect(`${res.body.field ?? ''} ${res.body.message}`).toContain(field);
      expect(expectStatus(await call('get', '/application/deploy-templates/', admin), 200).count).toBe(before);
    });

    it('links applications only with deploy_app on each', async () => {
      const res = await call('patch', `/application/deploy-templates/${ids.other}/`, users.manager.token, {
        applications: [{ id: apps.blog }],
      });
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('deploy_app');
    });
  });

  describe('deploy settings', () => {
    it('answers defaults for an application without settings', async () => {
      const body = expectStatus(
        await call('get', `/application/${apps.api}/deploy-settings/`, users.viewer.token),
        200,
      );
      expect(body).toEqual({
        application: apps.api,
        enabled: false,
        template: null,
        creator: null,
        repository: null,
        deploy_path: null,
        script_running_user: null,
        timeout: 120,
        keep_backups: 5,
        lifecycle_hooks: {
          running_user: null,
          global_pre_exec: null,
          pre_exec: null,
          post_exec: null,
          global_post_exec: null,
          glboal_post_exec: null,
        },
        inherited: [],
      });
    });

    it('changes its own values with deploy_app, answering the settings', async () => {
      const body = expectStatus(
        await call('patch', `/application/${apps.api}/deploy-settings/`, users.deployer.token, {
          enabled: true,
          repository: { type: 'GIT', url: 'http://git.example.test/api', branch: 'main' },
          deploy_path: '/data/api',
          timeout: 60,
          lifecycle_hooks: { running_user: 'work', pre_exec: { script: { id: ids.pre } } },
        }),
        200,
      );
      expect(body).toMatchObject({
        application: apps.api,
        enabled: true,
        creator: 'deployer',
        repository: { type: 'GIT', url: 'http://git.example.test/api', branch: 'main', credential: null },
        deploy_path: '/data/api',
        script_running_user: 'work',
        timeout: 60,
        keep_backups: 5,
        lifecycle_hooks: { running_user: 'work', pre_exec: { script: { id: ids.pre } }, post_exec: null },
      });
    });

    it('lets only credential managers pair a credential with a repository', async () => {
      const refused = await call('patch', `/application/${apps.api}/deploy-settings/`, users.deployer.token, {
        repository: { credential: ids.password },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain('enable_deploy_template_mgmt');
      const paired = expectStatus(
        await call('patch', `/application/${apps.api}/deploy-settings/`, admin, {
          repository: { credential: { id: ids.password } },
        }),
        200,
      );
      expect(paired.repository.credential).toEqual({
        id: ids.password,
        name: 'git-ci',
        type: 'PASSWORD',
        username: 'ci-bot',
      });
      // The deployer may change the branch (the credential stays with its URL) ...
      const branch = expectStatus(
        await call('patch', `/application/${apps.api}/deploy-settings/`, users.deployer.token, {
          repository: { branch: 'hotfix' },
        }),
        200,
      );
      expect(branch.repository).toMatchObject({ branch: 'hotfix', credential: { id: ids.password } });
      // ... and moving the URL drops the credential rather than sending it elsewhere.
      const moved = expectStatus(
        await call('patch', `/application/${apps.api}/deploy-settings/`, users.deployer.token, {
          repository: { url: 'http://elsewhere.example.test/api' },
        }),
        200,
      );
      expect(moved.repository).toMatchObject({ url: 'http://elsewhere.example.test/api', credential: null });
    });

    it('creates a credential given inline, answering it without its password', async () => {
      const body = expectStatus(
        await call('patch', `/application/${apps.api}/deploy-settings/`, admin, {
          repository: {
            credential: { type: 'PASSWORD', name: 'api-inline', username: 'api', password: INLINE_PASSWORD },
          },
        }),
        200,
      );
      expect(body.repository.credential).toEqual({
        id: expect.any(Number),
        name: 'api-inline',
        type: 'PASSWORD',
        username: 'api',
      });
    });

    it.each([
      [{ deploy_path: 'relative/path' }, 400, 'deploy_path'],
      [{ deploy_path: '/data/../etc' }, 400, 'deploy_path'],
      [{ timeout: 0 }, 400, 'timeout'],
      [{ timeout: 'x' }, 400, 'timeout'],
      [{ keep_backups: 101 }, 400, 'keep_backups'],
      [{ repository: { type: 'CVS', url: 'http://x.example.test/a' } }, 400, 'repository.type'],
      [{ repository: { url: 'http://user:pw@git.example.test/a' } }, 400, 'repository.url'],
      [{ repository: { url: 'http://git.example.test/a b' } }, 400, 'repository.url'],
      [{ repository: { branch: '--upload-pack=x' } }, 400, 'repository.branch'],
      [{ repository: { credential: 999999 } }, 404, 'repository.credential'],
      [{ repository: { credential: { type: 'TOKEN', username: 'u' } } }, 400, 'repository.credential.type'],
      [{ script_running_user: 'work', lifecycle_hooks: { running_user: 'root' } }, 400, 'lifecycle_hooks.running_user'],
      [{ lifecycle_hooks: { post_exec: { script: { id: 999999 } } } }, 404, 'lifecycle_hooks.post_exec.script'],
      [{ lifecycle_hooks: { post_exec: { script: 'x' } } }, 400, 'lifecycle_hooks.post_exec.script'],
      [{ lifecycle_hooks: { pre_exec: { script: 999999, running_user: 'Root' } } }, 400, 'running_user'],
      [{ applications: [1] }, 400, 'applications'],
      [
        { deploy_path: '/data/new', lifecycle_hooks: { pre_exec: { script: 999999 } } },
        404,
        'lifecycle_hooks.pre_exec.script',
      ],
    ])('refuses %j with %i naming %s and changes nothing', async (body, status, field) => {
      const before = expectStatus(await call('get', `/application/${apps.api}/deploy-settings/`, admin), 200);
      const res = await call('patch', `/application/${apps.api}/deploy-settings/`, admin, body);
      expect(res.status).toBe(status);
      expect(res.body.error_code).toEqual(expect.any(Number));
      expect(`${res.body.field ?? ''} ${res.body.message}`).toContain(field);
      expect(expectStatus(await call('get', `/application/${apps.api}/deploy-settings/`, admin), 200)).toEqual(before);
    });

    it('checks view_app to read and deploy_app to change', async () => {
      expectStatus(await call('get', `/application/${apps.api}/deploy-settings/`, users.outsider.token), 403);
      const res = await call('patch', `/application/${apps.api}/deploy-settings/`, users.viewer.token, { timeout: 30 });
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('deploy_app');
      expectStatus(
        await call('post', `/application/${apps.api}/deploy-settings/template/`, users.viewer.token, {
          id: ids.template,
        }),
        403,
      );
    });

    it('answers a change to whoever may make it, without view_app', async () => {
      expectStatus(
        await call('post', `/users/${users.outsider.id}/application/perms/`, admin, {
          authorizations: [{ id: apps.shop, permission: { deploy_app: true } }],
        }),
        200,
      );
      const changed = expectStatus(
        await call('patch', `/application/${apps.shop}/deploy-settings/`, users.outsider.token, { timeout: 30 }),
        200,
      );
      expect(changed).toMatchObject({ application: apps.shop, timeout: 30, creator: 'outsider' });
      expectStatus(await call('get', `/application/${apps.shop}/deploy-settings/`, users.outsider.token), 403);
    });

    it('answers 404 for an unknown application or template, 400 for a bad id', async () => {
      expectStatus(await call('get', '/application/999999/deploy-settings/', admin), 404);
      expectStatus(await call('patch', '/application/999999/deploy-settings/', admin, { timeout: 5 }), 404);
      const template = await call('post', `/application/${apps.api}/deploy-settings/template/`, admin, { id: 999999 });
      expect(template.status).toBe(404);
      expect(template.body).toMatchObject({ error_code: 30002, field: 'id' });
      expectStatus(
        await call('post', '/application/999999/deploy-settings/template/', admin, { id: ids.template }),
        404,
      );
      expectStatus(await call('get', '/application/abc/deploy-settings/', admin), 400);
      expectStatus(await call('post', `/application/${apps.api}/deploy-settings/template/`, admin, {}), 400);
    });

    it('inherits from a linked template what it does not set itself', async () => {
      const linked = await call('post', `/application/${apps.api}/deploy-settings/template/`, users.deployer.token, {
        id: ids.template,
      });
      expect(linked.status).toBe(200);
      expect(linked.body).toEqual({ message: 'success' });
      const body = expectStatus(
        await call('get', `/application/${apps.api}/deploy-settings/`, users.viewer.token),
        200,
      );
      expect(body).toMatchObject({
        template: { id: ids.template, name: 'java-service' },
        // Its own repository, deploy path and timeout win ...
        repository: { url: 'http://elsewhere.example.test/api' },
        deploy_path: '/data/api',
        timeout: 60,
        // ... the template fills the rest.
        keep_backups: 3,
        lifecycle_hooks: {
          pre_exec: { script: { id: ids.pre } },
          post_exec: { running_user: 'root', script: { id: ids.post } },
        },
      });
      expect(body.inherited.sort()).toEqual(['keep_backups', 'lifecycle_hooks.post_exec']);
    });

    it('refuses unlinking a template that is not the linked one', async () => {
      const res = await call('delete', `/application/${apps.api}/deploy-settings/template/`, admin, { id: ids.other });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ field: 'id', message: expect.stringContaining(String(ids.template)) });
      expectStatus(await call('delete', `/application/${apps.api}/deploy-settings/template/`, admin, {}), 400);
    });

    it('unlinks keeping a copy of what the template gave, and with clean drops it', async () => {
      const before = expectStatus(await call('get', `/application/${apps.api}/deploy-settings/`, admin), 200);
      expectStatus(
        await call('delete', `/application/${apps.api}/deploy-settings/template/`, users.deployer.token, {
          id: ids.template,
        }),
        200,
      );
      const kept = expectStatus(await call('get', `/application/${apps.api}/deploy-settings/`, admin), 200);
      expect(kept).toEqual({ ...before, template: null, inherited: [] });

      expectStatus(
        await call('post', `/application/${apps.web}/deploy-settings/template/`, users.deployer.token, {
          id: ids.template,
        }),
        200,
      );
      expectStatus(
        await call('patch', `/application/${apps.web}/deploy-settings/`, users.deployer.token, {
          deploy_path: '/data/web',
        }),
        200,
      );
      const res = await t.http
        .delete(`/platform/application/${apps.web}/deploy-settings/template/?id=${ids.template}&clean=true`)
        .set('Authorization', `Bearer ${users.deployer.token}`)
        .expect(200);
      answers.push(res.text);
      const clean = expectStatus(await call('get', `/application/${apps.web}/deploy-settings/`, admin), 200);
      expect(clean).toMatchObject({
        template: null,
        repository: null,
        deploy_path: '/data/web',
        timeout: 120,
        keep_backups: 5,
        script_running_user: null,
        lifecycle_hooks: { pre_exec: null, post_exec: null },
        inherited: [],
      });
    });

    it('audits every change as change_deploy_setting with what changed', async () => {
      const res = expectStatus(
        await call('get', `/audit/app-operations/?op_type=change_deploy_setting&app_name=shop.web&page_size=50`, admin),
        200,
      );
      expect(res.results.map((r: { op_detail: string }) => r.op_detail)).toEqual([
        expect.stringContaining('unlink template java-service, dropping what it gave'),
        'change deploy settings of shop.web: deploy_path: (none) -> /data/web',
        'change deploy settings of shop.web: link template java-service',
      ]);
      expect(res.results[1]).toMatchObject({
        app_name: 'shop.web',
        op_type: 'change_deploy_setting',
        operator: 'deployer',
      });
      const [entry] = await t.dataSource.query(
        "SELECT `before`, `after` FROM audit_entries WHERE operation = 'change_deploy_setting' AND target_id = ? ORDER BY id DESC LIMIT 1",
        [String(apps.api)],
      );
      expect(JSON.parse(entry.before)).toMatchObject({ template: ids.template });
      expect(JSON.parse(entry.after)).toMatchObject({ template: null, keepBackups: 3 });
    });
  });

  describe('in use', () => {
    it('lists the applications a script runs for, through their own hooks or their template', async () => {
      expectStatus(
        await call('post', `/application/${apps.blog}/deploy-settings/template/`, admin, { id: ids.template }),
        200,
      );
      const pre = expectStatus(await call('get', `/application/deploy-scripts/${ids.pre}/applications/`, admin), 200);
      expect(pre).toMatchObject({
        count: 2,
        results: [{ id: apps.api, name: 'api', full_name: 'shop.api' }, { id: apps.blog }],
      });
      const post = expectStatus(
        await call('get', `/application/deploy-scripts/${ids.post}/applications/?page_size=1`, admin),
        200,
      );
      expect(post).toMatchObject({ count: 2, results: [{ id: apps.api }] });
      const unused = expectStatus(
        await call('get', `/application/deploy-scripts/${ids.after}/applications/`, admin),
        200,
      );
      expect(unused.count).toBe(0);
    });

    it('refuses deleting a script, credential or template in use (30001), deletes them once free', async () => {
      const script = await call('delete', `/application/deploy-scripts/${ids.post}/`, users.manager.token);
      expect(script.status).toBe(409);
      expect(script.body).toMatchObject({ error_code: 30001 });
      expectStatus(
        await call('delete', `/application/repository-credentials/password/${ids.password}/`, users.manager.token),
        409,
      );
      const template = await call('delete', `/application/deploy-templates/${ids.template}/`, users.manager.token);
      expect(template.status).toBe(409);
      expect(template.body.message).toContain('linked to 1 application');
      expectStatus(await call('delete', `/application/deploy-scripts/${ids.after}/`, users.manager.token), 200);
      expectStatus(await call('get', `/application/deploy-scripts/${ids.after}/`, admin), 404);
      expectStatus(
        await call('delete', `/application/repository-credentials/ssh-private-key/${ids.key}/`, users.manager.token),
        200,
      );
    });

    it('drops an application’s settings with the application', async () => {
      expectStatus(
        await call('delete', `/application/${apps.blog}/deploy-settings/template/`, admin, {
          id: ids.template,
          clean: true,
        }),
        200,
      );
      expectStatus(await call('delete', `/applications/${apps.blog}/`, admin), 200);
      const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM deploy_settings WHERE application_id = ?', [
        apps.blog,
      ]);
      expect(Number(row.n)).toBe(0);
    });
  });

  it('never shows a password or key in an answer or a log line', async () => {
    expect(answers.length).toBeGreaterThan(50);
    const log = lines.join('');
    expect(log).toContain('deploy-settings');
    for (const secret of [PASSWORD, NEW_PASSWORD, INLINE_PASSWORD, KEY_BODY]) {
      for (const text of answers) expect(text).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
    const sealed = await t.dataSource.query('SELECT sealed_secret FROM repository_credentials');
    for (const row of sealed) {
      for (const secret of [NEW_PASSWORD, INLINE_PASSWORD]) expect(row.sealed_secret).not.toContain(secret);
    }
  });
});
