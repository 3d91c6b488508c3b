import { createUser } from '../support/fixtures';
import { countQueries } from '../support/query-count';
import { createTestApp, TestApp } from '../support/test-app';

const SECRET = 'graphql-repo-password-4c2e';

interface GqlError {
  message: string;
  extensions: { code: string; field?: string };
}

/** Deploy configuration over GraphQL: the same rules as the platform family, lists in a fixed number of queries. */
describe('deploy configuration over GraphQL', () => {
  let t: TestApp;
  let admin: string;
  let viewer: string;
  const apps: number[] = [];
  const ids: Record<string, number> = {};
  const answers: string[] = [];

  const gql = async (query: string, variables?: Record<string, unknown>, token = admin) => {
    const res = await t.graphql(query, variables, token).expect(200);
    answers.push(res.text);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data;
  };
  const gqlError = async (query: string, variables?: Record<string, unknown>, token = admin): Promise<GqlError> => {
    const res = await t.graphql(query, variables, token).expect(200);
    answers.push(res.text);
    expect(res.body.errors).toHaveLength(1);
    return res.body.errors[0];
  };
  const createApp = async (name: string) =>
    (await gql('mutation($n: String) { createApplication(input: { name: $n }) { id } }', { n: name })).createApplication
      .id as number;
  const configure = (applicationId: number, input: Record<string, unknown>, token = admin) =>
    gql(
      `mutation($a: Int!, $i: DeployConfigInput!) { updateDeploySettings(applicationId: $a, input: $i) { applicationId } }`,
      { a: applicationId, i: input },
      token,
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    const user = await createUser(t, 'viewer', 'viewer-password');
    viewer = await t.login('viewer', 'viewer-password');
    for (let i = 0; i < 7; i++) apps.push(await createApp(`app-${i}`));
    await gql(`mutation($i: SetPermissionsInput!) { setPermissions(input: $i) { id } }`, {
      i: {
        subject: { type: 'USER', id: user.id },
        resource: { type: 'application', id: String(apps[0]) },
        changes: [{ permission: 'view_app', enabled: true }],
      },
    });
    const host = await gql(
      'mutation { createHost(input: { name: "web-7", hostType: PHY_HOST, ips: [{ address: "127.0.0.7" }] }) { id } }',
    );
    await gql(
      `mutation($a: Int!, $h: Int!) { setApplicationInstances(id: $a, instances: [{ hostId: $h, version: "v1" }], add: true) { id } }`,
      {
        a: apps[0],
        h: host.createHost.id,
      },
    );
  });
  afterAll(() => t.close());

  it('creates a credential and shows its type and user; the schema has no field for its secret', async () => {
    const data = await gql(
      `mutation($i: RepositoryCredentialInput!) { createRepositoryCredential(input: $i) { id name type username creator } }`,
      { i: { type: 'PASSWORD', name: 'gql-cred', username: 'bot', password: SECRET } },
    );
    expect(data.createRepositoryCredential).toEqual({
      id: expect.any(Number),
      name: 'gql-cred',
      type: 'PASSWORD',
      username: 'bot',
      creator: 'admin',
    });
    ids.credential = data.createRepositoryCredential.id;
    const type = await gql('{ __type(name: "RepositoryCredential") { fields { name } } }');
    const fields = type.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['id', 'name', 'type', 'username']));
    for (const secret of ['password', 'privateKey', 'secret', 'sealedSecret']) expect(fields).not.toContain(secret);
  });

  it('creates scripts, refusing a bad language, engine or template with the field and line', async () => {
    const create = `mutation($i: DeployScriptInput!) { createDeployScript(input: $i) { id name language templateEngine creator } }`;
    const pre = await gql(create, {
      i: {
        name: 'pre',
        language: 'bash',
        content: 'echo {{ application.name }} on {{ host.name }} ({{ host.ip }}) {{ version }}',
      },
    });
    expect(pre.createDeployScript).toMatchObject({
      name: 'pre',
      language: 'bash',
      templateEngine: 'jinja',
      creator: 'admin',
    });
    ids.pre = pre.createDeployScript.id;
    ids.post = (
      await gql(create, { i: { name: 'post', language: 'python', content: 'print(1)' } })
    ).createDeployScript.id;
    const language = await gqlError(create, { i: { name: 'x', language: 'ruby', content: 'x' } });
    expect(language.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    const engine = await gqlError(create, { i: { name: 'x', language: 'bash', content: 'x', templateEngine: 'erb' } });
    expect(engine.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'template_engine' });
    const broken = await gqlError(create, { i: { name: 'x', language: 'bash', content: 'a\nb\nc {{ 1 + }}' } });
    expect(broken).toMatchObject({
      message: expect.stringMatching(/^content: line 3/),
      extensions: { field: 'content' },
    });
    const missing = await gqlError(create, { i: { name: 'x', language: 'bash' } });
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
  });

  it('creates a template linked to applications and reads it back whole', async () => {
    const data = await gql(
      `mutation($i: DeployTemplateInput!) { createDeployTemplate(input: $i) {
        id name creator applications { id }
        config { enabled deployPath timeout keepBackups scriptRunningUser
          repository { type url branch credential { name type username } }
          hooks { preExec { runningUser script { name } } postExec { script { name } } globalPreExec { scriptId } } }
      } }`,
      {
        i: {
          name: 'base',
          applicationIds: [apps[1], apps[2]],
          config: {
            repository: {
              type: 'GIT',
              url: 'ssh://git@127.0.0.1/srv/base.git',
              branch: 'release',
              credentialId: ids.credential,
            },
            deployPath: '/data/base',
            timeout: 200,
            scriptRunningUser: 'work',
            hooks: { preExec: { scriptId: ids.pre, runningUser: 'root' }, postExec: { scriptId: ids.post } },
          },
        },
      },
    );
    expect(data.createDeployTemplate).toEqual({
      id: expect.any(Number),
      name: 'base',
      creator: 'admin',
      applications: [{ id: apps[1] }, { id: apps[2] }],
      config: {
        enabled: true,
        deployPath: '/data/base',
        timeout: 200,
        keepBackups: null,
        scriptRunningUser: 'work',
        repository: {
          type: 'GIT',
          url: 'ssh://git@127.0.0.1/srv/base.git',
          branch: 'release',
          credential: { name: 'gql-cred', type: 'PASSWORD', username: 'bot' },
        },
        hooks: {
          preExec: { runningUser: 'root', script: { name: 'pre' } },
          postExec: { script: { name: 'post' } },
          globalPreExec: null,
        },
      },
    });
    ids.template = data.createDeployTemplate.id;
  });

  it('answers own, effective and inherited settings, and unlinks with or without clean', async () => {
    await configure(apps[1], { deployPath: '/data/one', keepBackups: 2, hooks: { postExec: null } });
    const read = `query($a: Int!) { deploySettings(applicationId: $a) {
      applicationId template { name } creator
      own { deployPath keepBackups repository { url } hooks { postExec { scriptId } } }
      effective { enabled deployPath timeout keepBackups inherited repository { url credentialId } hooks { preExec { scriptId } postExec { scriptId } } }
    } }`;
    const one = (await gql(read, { a: apps[1] })).deploySettings;
    expect(one).toEqual({
      applicationId: apps[1],
      template: { name: 'base' },
      creator: 'admin',
      own: { deployPath: '/data/one', keepBackups: 2, repository: null, hooks: { postExec: null } },
      effective: {
        enabled: true,
        deployPath: '/data/one',
        timeout: 200,
        keepBackups: 2,
        inherited: ['enabled', 'repository', 'scriptRunningUser', 'timeout', 'hooks.preExec', 'hooks.postExec'],
        repository: { url: 'ssh://git@127.0.0.1/srv/base.git', credentialId: ids.credential },
        hooks: { preExec: { scriptId: ids.pre }, postExec: { scriptId: ids.post } },
      },
    });
    const unlink = `mutation($a: Int!, $t: Int!, $c: Boolean!) { unlinkDeployTemplate(applicationId: $a, templateId: $t, clean: $c) {
      template { id } own { deployPath timeout repository { url } } effective { timeout inherited }
    } }`;
    const kept = (await gql(unlink, { a: apps[1], t: ids.template, c: false })).unlinkDeployTemplate;
    expect(kept).toEqual({
      template: null,
      own: { deployPath: '/data/one', timeout: 200, repository: { url: 'ssh://git@127.0.0.1/srv/base.git' } },
      effective: { timeout: 200, inherited: [] },
    });
    const dropped = (await gql(unlink, { a: apps[2], t: ids.template, c: true })).unlinkDeployTemplate;
    expect(dropped).toEqual({
      template: null,
      own: { deployPath: null, timeout: null, repository: null },
      effective: { timeout: 120, inherited: [] },
    });
    const relink = await gql(
      `mutation($a: Int!, $t: Int!) { linkDeployTemplate(applicationId: $a, templateId: $t) { template { id } effective { deployPath } } }`,
      { a: apps[2], t: ids.template },
    );
    expect(relink.linkDeployTemplate).toEqual({
      template: { id: ids.template },
      effective: { deployPath: '/data/base' },
    });
  });

  it('maps refusals to extensions.code with the field', async () => {
    const update = `mutation($a: Int!, $i: DeployConfigInput!) { updateDeploySettings(applicationId: $a, input: $i) { applicationId } }`;
    const path = await gqlError(update, { a: apps[0], i: { deployPath: 'data' } });
    expect(path.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deploy_path' });
    const user = await gqlError(update, {
      a: apps[0],
      i: { hooks: { preExec: { scriptId: ids.pre, runningUser: 'A B' } } },
    });
    expect(user.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lifecycle_hooks.pre_exec.running_user' });
    const app = await gqlError(update, { a: 999999, i: { timeout: 5 } });
    expect(app.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const script = await gqlError(update, { a: apps[0], i: { hooks: { postExec: { scriptId: 999999 } } } });
    expect(script.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'lifecycle_hooks.post_exec.script' });
    const both = await gqlError(update, {
      a: apps[0],
      i: {
        repository: { credentialId: ids.credential, newCredential: { type: 'PASSWORD', username: 'u', password: 'p' } },
      },
    });
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'repository.credentialId' });
    const template = await gqlError(
      `mutation { linkDeployTemplate(applicationId: ${apps[0]}, templateId: 999999) { applicationId } }`,
    );
    expect(template.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const forbidden = await gqlError(update, { a: apps[0], i: { timeout: 5 } }, viewer);
    expect(forbidden.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(forbidden.message).toContain('deploy_app');
    const inUse = await gqlError(`mutation { deleteDeployTemplate(id: ${ids.template}) }`);
    expect(inUse.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('previews a script for an application’s instance, or with sample variables', async () => {
    await configure(apps[0], { deployPath: '/srv/app-0' });
    const preview = `query($id: Int!, $app: Int, $instance: Int, $version: String) {
      previewDeployScript(id: $id, applicationId: $app, instanceId: $instance, version: $version)
    }`;
    const real = await gql(preview, { id: ids.pre, app: apps[0], version: 'v2' }, viewer);
    expect(real.previewDeployScript).toBe('echo app-0 on web-7 (127.0.0.7) v2');
    const sample = await gql(preview, { id: ids.pre });
    expect(sample.previewDeployScript).toBe('echo app on host-1 (127.0.0.1) 20180102-000000');
    const refused = await gqlError(preview, { id: ids.pre, app: apps[3], version: 'v2' }, viewer);
    expect(refused.extensions.code).toBe('FORBIDDEN');
    const instance = await gqlError(preview, { id: ids.pre, app: apps[0], instance: 999999 });
    expect(instance.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'instanceId' });
  });

  it('lists only the settings the caller may view', async () => {
    const list = `{ deploySettingsList(limit: 50) { total items { applicationId } } }`;
    const all = (await gql(list)).deploySettingsList;
    expect(all.items.map((i: { applicationId: number }) => i.applicationId)).toEqual([apps[0], apps[1], apps[2]]);
    const mine = (await gql(list, undefined, viewer)).deploySettingsList;
    expect(mine).toEqual({ total: 1, items: [{ applicationId: apps[0] }] });
    const byTemplate = (await gql(`{ deploySettingsList(templateId: ${ids.template}) { items { applicationId } } }`))
      .deploySettingsList;
    expect(byTemplate.items).toEqual([{ applicationId: apps[2] }]);
    const field = await gql(
      `{ applications(limit: 3) { items { id deploySettings { applicationId } } } }`,
      undefined,
      viewer,
    );
    expect(field.applications.items).toEqual([
      { id: apps[0], deploySettings: { applicationId: apps[0] } },
      { id: apps[1], deploySettings: null },
      { id: apps[2], deploySettings: null },
    ]);
    const used = await gql(`{ deployScriptApplications(id: ${ids.pre}) { total items { id } } }`);
    expect(used.deployScriptApplications).toEqual({ total: 2, items: [{ id: apps[1] }, { id: apps[2] }] });
  });

  describe('lists in a fixed number of SQL queries', () => {
    const settingsPage = `{ applications(limit: 50) { items { name deploySettings {
      template { name applications { name } }
      own { repository { credential { name } } }
      effective { repository { credential { name username } } hooks { preExec { script { name } } postExec { script { name language } } } }
    } } } }`;
    const templatesPage = `{ deployTemplates(limit: 50) { items { name
      config { repository { credential { name } } hooks { preExec { script { name } } postExec { script { name } } } }
      applications { name }
    } } }`;
    const settingsList = `{ deploySettingsList(limit: 50) { items { applicationId template { name }
      effective { repository { credential { name } } hooks { preExec { script { name } } } } } } }`;

    const grow = async () => {
      for (let i = 3; i < 7; i++) {
        const script = (
          await gql(`mutation($i: DeployScriptInput!) { createDeployScript(input: $i) { id } }`, {
            i: { name: `hook-${i}`, language: 'bash', content: `echo ${i}` },
          })
        ).createDeployScript.id;
        const cred = (
          await gql(`mutation($i: RepositoryCredentialInput!) { createRepositoryCredential(input: $i) { id } }`, {
            i: { type: 'PASSWORD', name: `cred-${i}`, username: `u${i}`, password: `${SECRET}-${i}` },
          })
        ).createRepositoryCredential.id;
        await gql(`mutation($i: DeployTemplateInput!) { createDeployTemplate(input: $i) { id } }`, {
          i: {
            name: `tpl-${i}`,
            applicationIds: [apps[i]],
            config: {
              repository: { type: 'HTTP', url: `http://127.0.0.1/pkg-${i}.tgz`, credentialId: cred },
              deployPath: `/srv/${i}`,
              hooks: { preExec: { scriptId: script } },
            },
          },
        });
        await configure(apps[i], { hooks: { postExec: { scriptId: script } } });
      }
    };

    it('costs the same for 3 configured applications and templates as for 7', async () => {
      const count = async (query: string) => {
        let data: unknown;
        const n = await countQueries(t, async () => {
          data = await gql(query);
        });
        return { n, data };
      };
      const queries = [settingsPage, templatesPage, settingsList];
      const before = [];
      for (const q of queries) before.push(await count(q));
      await grow();
      const after = [];
      for (const q of queries) after.push(await count(q));
      for (const [i, b] of before.entries()) expect(after[i].n).toBe(b.n);
      const apps7 = (after[0].data as { applications: { items: { deploySettings: { template: unknown } }[] } })
        .applications.items;
      expect(apps7.filter((a) => a.deploySettings.template !== null)).toHaveLength(5);
      expect((after[1].data as { deployTemplates: { items: unknown[] } }).deployTemplates.items).toHaveLength(5);
    });
  });

  it('never answers a credential’s password', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const text of answers) expect(text).not.toContain(SECRET);
  });
});
