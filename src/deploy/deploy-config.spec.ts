import {
  configChanges,
  patchConfig,
  DeployConfig,
  describeChanges,
  effectiveConfig,
  emptyConfig,
  scriptIdsOf,
  unlinkTemplate,
} from './deploy-config';

function layer(patch: Partial<DeployConfig>): DeployConfig {
  return { ...emptyConfig(), ...patch, hooks: { ...emptyConfig().hooks, ...patch.hooks } };
}

const template = layer({
  enabled: true,
  repository: { type: 'GIT', url: 'https://git.example.test/shop.git', branch: 'release', credentialId: 7 },
  deployPath: '/data/deploy',
  scriptRunningUser: 'work',
  timeout: 300,
  hooks: {
    globalPreExec: null,
    preExec: { scriptId: 1, runningUser: null },
    postExec: { scriptId: 2, runningUser: 'root' },
    globalPostExec: null,
  },
});

describe('effectiveConfig', () => {
  it('falls back to the seed defaults without a template', () => {
    const e = effectiveConfig(emptyConfig(), null);
    expect(e).toMatchObject({ enabled: false, repository: null, timeout: 120, keepBackups: 5, inherited: [] });
  });

  it('takes the template value for each field the application leaves unset', () => {
    const own = layer({
      deployPath: '/srv/shop',
      hooks: { ...emptyConfig().hooks, postExec: { scriptId: 3, runningUser: null } },
    });
    const e = effectiveConfig(own, template);
    expect(e.deployPath).toBe('/srv/shop');
    expect(e.repository).toEqual(template.repository);
    expect(e.timeout).toBe(300);
    expect(e.keepBackups).toBe(5);
    expect(e.hooks.preExec).toEqual({ scriptId: 1, runningUser: null });
    expect(e.hooks.postExec).toEqual({ scriptId: 3, runningUser: null });
    expect(e.inherited.sort()).toEqual(
      ['enabled', 'hooks.preExec', 'repository', 'scriptRunningUser', 'timeout'].sort(),
    );
  });

  it('treats the repository as one unit: an own repository hides the whole template repository', () => {
    const own = layer({
      repository: { type: 'HTTP', url: 'https://files.example.test/a.tgz', branch: null, credentialId: null },
    });
    const e = effectiveConfig(own, template);
    expect(e.repository).toEqual(own.repository);
    expect(e.inherited).not.toContain('repository');
  });

  it('keeps an own false over a template true', () => {
    expect(effectiveConfig(layer({ enabled: false }), template).enabled).toBe(false);
  });
});

describe('unlinkTemplate', () => {
  const own = layer({ deployPath: '/srv/shop', keepBackups: 2 });

  it('copies what was inherited so nothing changes, without pinning defaults', () => {
    const kept = unlinkTemplate(own, template, false);
    const { inherited: _a, ...before } = effectiveConfig(own, template);
    const { inherited, ...after } = effectiveConfig(kept, null);
    expect(after).toEqual(before);
    expect(inherited).toEqual([]);
    expect(kept.deployPath).toBe('/srv/shop');
    expect(kept.repository).toEqual(template.repository);
    expect(kept.repository).not.toBe(template.repository);
    const bare = unlinkTemplate(emptyConfig(), layer({ deployPath: '/x' }), false);
    expect(bare.timeout).toBeNull();
    expect(bare.keepBackups).toBeNull();
  });

  it('with clean drops the inherited fields and keeps the own ones', () => {
    expect(unlinkTemplate(own, template, true)).toEqual(own);
  });
});

describe('configChanges and describeChanges', () => {
  it('lists changed fields in the platform names, with before and after', () => {
    const after = layer({
      ...template,
      repository: { ...template.repository!, url: 'https://git.example.test/new.git' },
    });
    const changes = configChanges(template, after);
    expect(changes).toEqual([
      {
        field: 'repository.url',
        before: 'https://git.example.test/shop.git',
        after: 'https://git.example.test/new.git',
      },
    ]);
    expect(describeChanges('shop.api', changes)).toBe(
      'change deploy settings of shop.api: repository.url: https://git.example.test/shop.git -> https://git.example.test/new.git',
    );
    expect(
      configChanges(null, layer({ hooks: { ...emptyConfig().hooks, preExec: { scriptId: 4, runningUser: 'work' } } })),
    ).toEqual([
      { field: 'lifecycle_hooks.pre_exec.script', before: null, after: 4 },
      { field: 'lifecycle_hooks.pre_exec.running_user', before: null, after: 'work' },
    ]);
    expect(describeChanges('a', [], ['link template t'])).toBe('change deploy settings of a: link template t');
  });

  it('names the scripts of a layer', () => {
    expect(scriptIdsOf(template)).toEqual([1, 2]);
  });
});

describe('patchConfig', () => {
  const inherited = template.repository;

  it('sets, unsets and leaves fields alone', () => {
    const own = layer({ deployPath: '/a', timeout: 10, keepBackups: 3 });
    const { config } = patchConfig(own, null, {
      deployPath: '/b',
      timeout: null,
      hooks: { preExec: { scriptId: 4, runningUser: null } },
    });
    expect(config).toMatchObject({ deployPath: '/b', timeout: null, keepBackups: 3 });
    expect(config.hooks.preExec).toEqual({ scriptId: 4, runningUser: null });
    expect(own.deployPath).toBe('/a');
  });

  it('builds a partial repository on the inherited one, keeping its credential while the URL stays', () => {
    const r = patchConfig(emptyConfig(), inherited, { repository: { branch: 'hotfix' } });
    expect(r.config.repository).toEqual({ ...inherited, branch: 'hotfix' });
    expect(r.credentialPaired).toBe(false);
  });

  it('drops the credential when the URL changes and none is named', () => {
    const r = patchConfig(emptyConfig(), inherited, { repository: { url: 'https://elsewhere.example.test/x.git' } });
    expect(r.config.repository).toMatchObject({ url: 'https://elsewhere.example.test/x.git', credentialId: null });
    expect(r.credentialPaired).toBe(false);
  });

  it('flags a credential paired with a new URL or a new credential on the old one', () => {
    expect(
      patchConfig(emptyConfig(), inherited, { repository: { url: 'https://x.example.test/a', credentialId: 7 } })
        .credentialPaired,
    ).toBe(true);
    expect(patchConfig(emptyConfig(), inherited, { repository: { credentialId: 8 } }).credentialPaired).toBe(true);
    expect(patchConfig(emptyConfig(), inherited, { repository: { credentialId: 7 } }).credentialPaired).toBe(false);
    expect(
      patchConfig(emptyConfig(), null, {
        repository: { type: 'GIT', url: 'https://x.example.test/a', branch: 'b', credentialId: 1 },
      }).credentialPaired,
    ).toBe(true);
  });

  it('forgets the branch when the type changes, and unsets the repository with null', () => {
    const r = patchConfig(emptyConfig(), inherited, {
      repository: { type: 'HTTP', url: 'https://files.example.test/a.tgz' },
    });
    expect(r.config.repository).toEqual({
      type: 'HTTP',
      url: 'https://files.example.test/a.tgz',
      branch: null,
      credentialId: null,
    });
    expect(patchConfig(layer({ repository: inherited }), null, { repository: null }).config.repository).toBeNull();
  });

  it('leaves an incomplete repository for the checks to refuse', () => {
    expect(
      patchConfig(emptyConfig(), null, { repository: { url: 'https://x.example.test/a' } }).config.repository?.type,
    ).toBeUndefined();
  });
});
