import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { ConfigError } from './env-parsers';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')), ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts on the embedded defaults and keeps generated secrets in DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const cfg = loadConfig({ DATA_DIR: dir });
    expect(cfg).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      role: 'all',
      database: { type: 'sqlite', path: join(dir, 'ops.sqlite') },
      admin: { username: 'admin', password: undefined },
      jwt: { ttlSeconds: 12 * 3600 },
      compatPrefixes: { sophon: '/sophon', ops: '/ops', hermes: '/hermes', platform: '/platform', cmdb: '/cmdb' },
      cmdb: { heartbeatHostnameAttr: 'hostname', heartbeatIpAttr: 'private_ip' },
    });
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(cfg.jwt.secret);
    expect(statSync(join(dir, 'secret-key')).mode & 0o777).toBe(0o600);
    // A restart reads the same secrets back.
    const again = loadConfig({ DATA_DIR: dir });
    expect(again.jwt.secret).toBe(cfg.jwt.secret);
    expect(again.secretKey).toBe(cfg.secretKey);
    expect(cfg.jwt.secret).not.toBe(cfg.secretKey);
  });

  it('reads the attributes the CMDB heartbeat list shows', () => {
    const cfg = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')),
      CMDB_HEARTBEAT_HOSTNAME_ATTR: 'host',
      CMDB_HEARTBEAT_IP_ATTR: 'ip',
    });
    expect(cfg.cmdb).toEqual({ heartbeatHostnameAttr: 'host', heartbeatIpAttr: 'ip' });
  });

  it('reads MySQL URLs', () => {
    const cfg = loadConfig({
      DATABASE_URL: 'mysql://ops:p%40ss@db.local:3307/opsdb',
      JWT_SECRET: 'a-long-enough-jwt-secret',
      SECRET_KEY: 'a-long-enough-secret-key',
      JWT_TTL: '15m',
    });
    expect(cfg.database).toEqual({
      type: 'mysql',
      flavor: 'mysql',
      host: 'db.local',
      port: 3307,
      username: 'ops',
      password: 'p@ss',
      database: 'opsdb',
    });
    expect(cfg.jwt.ttlSeconds).toBe(900);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT must be an integer from 1 to 65535 \(got "eighty"\)$/],
    [{ ROLE: 'boss' }, /^ROLE must be one of all, api, worker/],
    [{ JWT_TTL: '-5' }, /^JWT_TTL must be a positive duration/],
    [{ DATABASE_URL: 'postgres://x/y' }, /^DATABASE_URL must use mysql: or mariadb:/],
    [{ DATABASE_URL: 'mysql://root@host' }, /^DATABASE_URL must name a database/],
    [{ ADMIN_PASSWORD: 'short' }, /^ADMIN_PASSWORD must be at least 8 characters/],
    [{ JWT_SECRET: 'tiny' }, /^JWT_SECRET must be at least 16 characters/],
    [{ GRAPHQL_PLAYGROUND: 'maybe' }, /^GRAPHQL_PLAYGROUND must be true or false/],
    [{ COMPAT_PREFIX_OPS: '/ops x' }, /^COMPAT_PREFIX_OPS must be a path/],
  ])('refuses %j, naming the variable', (env, message) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('reads TRUST_PROXY as a flag, a hop count or trusted addresses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(problemsOf({ TRUST_PROXY: 'everyone' })[0]).toMatch(/^TRUST_PROXY must be/);
  });

  it('refuses a kept secret that was cut short', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    loadConfig({ DATA_DIR: dir });
    writeFileSync(join(dir, 'jwt-secret'), 'short\n');
    expect(() => loadConfig({ DATA_DIR: dir })).toThrow(
      /JWT_SECRET kept in .*jwt-secret is shorter than 16 characters/,
    );
  });

  it('never echoes a database password in an error', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'postgres://u:hunter2@h/db' });
    expect(problem).not.toContain('hunter2');
  });

  it('requires shared secrets when the database is MySQL', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/ops' });
    expect(problems).toEqual([
      'JWT_SECRET must be set when DATABASE_URL points at MySQL/MariaDB',
      'SECRET_KEY must be set when DATABASE_URL points at MySQL/MariaDB',
    ]);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ PORT: 'x', ROLE: 'y', LOG_LEVEL: 'loud' })).toHaveLength(3);
  });

  it('refuses overlapping compat prefixes and prefixes over the service’s own paths', () => {
    expect(problemsOf({ COMPAT_PREFIX_OPS: '/legacy', COMPAT_PREFIX_SOPHON: '/legacy/' })).toEqual([
      'COMPAT_PREFIX_SOPHON "/legacy" and COMPAT_PREFIX_OPS "/legacy" overlap',
    ]);
    expect(problemsOf({ COMPAT_PREFIX_OPS: '/legacy', COMPAT_PREFIX_CMDB: '/legacy/cmdb' })).toEqual([
      'COMPAT_PREFIX_OPS "/legacy" and COMPAT_PREFIX_CMDB "/legacy/cmdb" overlap',
    ]);
    expect(problemsOf({ COMPAT_PREFIX_OPS: '', COMPAT_PREFIX_HERMES: '' })).toEqual([
      'COMPAT_PREFIX_OPS "" and COMPAT_PREFIX_HERMES "" overlap',
    ]);
    expect(problemsOf({ COMPAT_PREFIX_CMDB: '/graphql' })).toEqual([
      'COMPAT_PREFIX_CMDB "/graphql" overlaps the service\'s own /graphql',
    ]);
    expect(problemsOf({ COMPAT_PREFIX_CMDB: '/' })).toEqual([]);
  });

  it('normalises prefixes: no trailing slash, a leading one, empty for the root', () => {
    const cfg = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')),
      COMPAT_PREFIX_OPS: 'legacy-ops/',
      COMPAT_PREFIX_HERMES: '',
    });
    expect(cfg.compatPrefixes.ops).toBe('/legacy-ops');
    expect(cfg.compatPrefixes.hermes).toBe('');
  });

  it('reads the Hermes domain, SMTP delivery and the sender, and refuses bad values by name', () => {
    const cfg = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) });
    expect(cfg.hermes).toEqual({ domain: 'localhost', fullstoryId: null });
    expect(cfg.smtpUrl).toBeUndefined();
    expect(cfg.mailFrom).toBe('ops-platform@localhost');
    const set = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')),
      HERMES_DOMAIN: 'example.com',
      HERMES_FULLSTORY_ID: 'ABC12',
      SMTP_URL: 'smtp://mailer:pw@127.0.0.1:2525',
      MAIL_FROM: 'ops@example.com',
    });
    expect(set.hermes).toEqual({ domain: 'example.com', fullstoryId: 'ABC12' });
    expect(set.smtpUrl).toBe('smtp://mailer:pw@127.0.0.1:2525');
    expect(problemsOf({ HERMES_DOMAIN: 'not a domain' })[0]).toMatch(/^HERMES_DOMAIN must be/);
    const smtp = problemsOf({ SMTP_URL: 'http://user:secret@mail' });
    expect(smtp[0]).toMatch(/^SMTP_URL must use smtp: or smtps:/);
    expect(smtp[0]).not.toContain('secret');
    expect(problemsOf({ MAIL_FROM: 'nobody' })[0]).toMatch(/^MAIL_FROM must be a mail address/);
  });

  it('reads the deploy script render time limit and refuses one out of range by name', () => {
    expect(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) }).deploy).toEqual({ renderTimeoutMs: 2000 });
    const set = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')), DEPLOY_RENDER_TIMEOUT_MS: '500' });
    expect(set.deploy.renderTimeoutMs).toBe(500);
    expect(problemsOf({ DEPLOY_RENDER_TIMEOUT_MS: '10' })[0]).toMatch(/^DEPLOY_RENDER_TIMEOUT_MS must be an integer/);
    expect(problemsOf({ DEPLOY_RENDER_TIMEOUT_MS: '2s' })[0]).toMatch(/^DEPLOY_RENDER_TIMEOUT_MS must be an integer/);
  });

  it('reads the two-person approval levels, certificate lifetime and CDN URL bound, and refuses bad values by name', () => {
    const cfg = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) });
    expect(cfg.approval).toEqual({ twoPersonLevels: ['S', 'A'] });
    expect(cfg.certificateDays).toBe(365);
    expect(cfg.cdnMaxUrls).toBe(100);
    const set = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')),
      APPROVAL_TWO_PERSON_LEVELS: 's, a,B',
      CERTIFICATE_DAYS: '90',
      CDN_REFRESH_MAX_URLS: '20',
    });
    expect(set.approval.twoPersonLevels).toEqual(['S', 'A', 'B']);
    expect(set).toMatchObject({ certificateDays: 90, cdnMaxUrls: 20 });
    expect(
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')), APPROVAL_TWO_PERSON_LEVELS: '' }).approval,
    ).toEqual({
      twoPersonLevels: [],
    });
    expect(problemsOf({ APPROVAL_TWO_PERSON_LEVELS: 'S,X' })[0]).toMatch(
      /^APPROVAL_TWO_PERSON_LEVELS must list levels/,
    );
    expect(problemsOf({ CERTIFICATE_DAYS: '0' })[0]).toMatch(/^CERTIFICATE_DAYS must be an integer/);
    expect(problemsOf({ CDN_REFRESH_MAX_URLS: '5000' })[0]).toMatch(/^CDN_REFRESH_MAX_URLS must be an integer/);
  });
});
