import { InvalidInputError } from '../common/errors/domain-errors';
import {
  checkConfig,
  checkKeepBackups,
  checkLanguage,
  checkName,
  checkPath,
  checkRepository,
  checkTemplateEngine,
  checkTimeout,
  checkUser,
} from './deploy-input-rules';
import { emptyConfig, type RepositoryConfig } from './deploy-config';

function refusal(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return e as InvalidInputError;
  }
  throw new Error('accepted');
}

const repo = (r: Partial<RepositoryConfig>): RepositoryConfig => ({
  type: 'GIT',
  url: 'https://git.example.test/a.git',
  branch: 'main',
  credentialId: null,
  ...r,
});

describe('deploy input rules', () => {
  it('accepts plain absolute paths and refuses the rest by field', () => {
    expect(checkPath('deploy_path', '/data/deploy/app-1')).toBe('/data/deploy/app-1');
    for (const bad of [
      'data/app',
      '/',
      '//',
      '/data/../etc',
      '/data/./x',
      '/data/a b',
      '/data/$(id)',
      '/a;rm',
      '/a`x`',
    ]) {
      expect(refusal(() => checkPath('deploy_path', bad)).field).toBe('deploy_path');
    }
  });

  it('checks users, timeouts, backups and names', () => {
    expect(checkUser('running_user', 'work')).toBe('work');
    for (const bad of ['Root', '-x', 'a b', 'x'.repeat(33), '']) refusal(() => checkUser('running_user', bad));
    expect(checkTimeout('timeout', 1)).toBe(1);
    for (const bad of [0, -1, 1.5, 86401, Number.NaN]) refusal(() => checkTimeout('timeout', bad));
    expect(checkKeepBackups('keep_backups', 0)).toBe(0);
    for (const bad of [-1, 101, 2.5]) refusal(() => checkKeepBackups('keep_backups', bad));
    expect(checkName('name', 'pre exec script')).toBe('pre exec script');
    for (const bad of ['', '   ', 'a\nb', 'x'.repeat(129)]) refusal(() => checkName('name', bad));
  });

  it('knows bash and python, and jinja, each refusal carrying its reason', () => {
    expect(checkLanguage('language', 'python')).toBe('python');
    expect(refusal(() => checkLanguage('language', 'perl')).reason).toBe('unsupported_language');
    expect(checkTemplateEngine('template_engine', 'jinja')).toBe('jinja');
    expect(refusal(() => checkTemplateEngine('template_engine', 'mako')).reason).toBe('unsupported_template_engine');
  });

  it('accepts each repository type with its own URLs', () => {
    for (const r of [
      repo({}),
      repo({ url: 'git@git.example.test:shop/api.git' }),
      repo({ url: 'ssh://git@127.0.0.1:2222/srv/a.git' }),
      repo({ type: 'SVN', url: 'svn://svn.example.test/a/trunk', branch: null }),
      repo({ type: 'HTTP', url: 'https://files.example.test/a-1.tgz', branch: null, credentialId: 3 }),
      repo({ type: 'FTP', url: 'ftp://127.0.0.1/a.war', branch: null }),
      repo({ type: 'PATH', url: '/data/packages/a', branch: null }),
    ]) {
      expect(checkRepository('repository', r)).toBe(r);
    }
  });

  it.each([
    [repo({ type: 'CVS' as never }), 'repository.type'],
    [repo({ url: '' }), 'repository.url'],
    [repo({ url: 'ftp://files.example.test/a' }), 'repository.url'],
    [repo({ url: 'https://user:pw@git.example.test/a.git' }), 'repository.url'],
    [repo({ url: '--upload-pack=touch /tmp/x' }), 'repository.url'],
    [repo({ url: 'https://git.example.test/a.git;id' }), 'repository.url'],
    [repo({ type: 'PATH', url: 'relative/path', branch: null }), 'repository.url'],
    [repo({ branch: null }), 'repository.branch'],
    [repo({ branch: '-b' }), 'repository.branch'],
    [repo({ branch: 'a..b' }), 'repository.branch'],
    [repo({ type: 'HTTP', url: 'https://x.example.test/a', branch: 'main' }), 'repository.branch'],
    [repo({ type: 'PATH', url: '/data/a', branch: null, credentialId: 1 }), 'repository.credential'],
  ])('refuses %j naming %s', (r, field) => {
    expect(refusal(() => checkRepository('repository', r)).field).toBe(field);
  });
});

describe('checkConfig', () => {
  const base = emptyConfig();

  it('passes an empty layer and names the first bad field of a full one', () => {
    expect(checkConfig(base)).toBe(base);
    expect(refusal(() => checkConfig({ ...base, deployPath: 'x' })).field).toBe('deploy_path');
    expect(refusal(() => checkConfig({ ...base, scriptRunningUser: 'Root' })).field).toBe('script_running_user');
    expect(refusal(() => checkConfig({ ...base, timeout: 0 })).field).toBe('timeout');
    expect(refusal(() => checkConfig({ ...base, keepBackups: -1 })).field).toBe('keep_backups');
    const hooks = { ...base.hooks, globalPostExec: { scriptId: 1, runningUser: 'a b' } };
    expect(refusal(() => checkConfig({ ...base, hooks })).field).toBe('lifecycle_hooks.global_post_exec.running_user');
    const typeless = { type: undefined as never, url: 'https://x.example.test/a', branch: null, credentialId: null };
    expect(refusal(() => checkConfig({ ...base, repository: typeless })).field).toBe('repository.type');
  });
});
