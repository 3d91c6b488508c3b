import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { CompatPrefixes, readCompatPrefixes } from './compat-prefixes';
import { ConfigError, Env, EnvReader } from './env-parsers';

export const ROLES = ['all', 'api', 'worker'] as const;
export type Role = (typeof ROLES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** Environment levels of deploy tasks and other approved work, most critical first. */
export const APPROVAL_LEVELS = ['S', 'A', 'B', 'C', 'I'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | {
      type: 'mysql';
      /** mariadb:// URLs select TypeORM's MariaDB dialect (its schema reads differ). */
      flavor: 'mysql' | 'mariadb';
      host: string;
      port: number;
      username: string;
      password: string;
      database: string;
    };

/**
 * The whole typed configuration. Built once by `loadConfig` from the
 * environment; everything else injects this class and never reads process.env.
 */
export class AppConfig {
  port: number;
  host: string;
  /** How users reach the service, for links in mail. */
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  redisUrl?: string;
  role: Role;
  logLevel: LogLevel;
  /** Express `trust proxy`: false, true, a hop count, or trusted addresses/subnets. */
  trustProxy: boolean | number | string;
  bodyLimit: string;
  jwt: { secret: string; ttlSeconds: number };
  secretKey: string;
  admin: { username: string; password?: string };
  login: { maxFailuresPerUser: number; maxFailuresPerIp: number; lockSeconds: number };
  graphql: { playground: boolean; depthLimit: number; wsRecheckSeconds: number };
  compatPrefixes: CompatPrefixes;
  /** The CI attributes the heartbeat list shows: an agent's hostname and address. */
  cmdb: { heartbeatHostnameAttr: string; heartbeatIpAttr: string };
  /** Hermes: the domain appended to bare user names; the FullStory id its web client reads. */
  hermes: { domain: string; fullstoryId: string | null };
  /** Outbox delivery over SMTP; without it mail stays pending in the outbox. */
  smtpUrl?: string;
  /** Sender address of delivered mail. */
  mailFrom: string;
  /** Deploy scripts: how long one rendering may take before its renderer is stopped. */
  deploy: { renderTimeoutMs: number };
  /** Environment levels (S, A, B, C, I) whose approvals need two distinct approvers. */
  approval: { twoPersonLevels: ApprovalLevel[] };
  /** Days a certificate issued by the internal CA stays valid. */
  certificateDays: number;
  /** Most URLs one CDN refresh task may carry. */
  cdnMaxUrls: number;

  get serveHttp(): boolean {
    return this.role !== 'worker';
  }
}

function parseDatabaseUrl(env: EnvReader, dataDir: string): DatabaseConfig {
  const raw = env.raw('DATABASE_URL') ?? `sqlite:${join(dataDir, 'ops.sqlite')}`;
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '')
      return env.fail('DATABASE_URL', 'needs a file after sqlite:', raw, { type: 'sqlite', path: ':memory:' });
    return { type: 'sqlite', path: path === ':memory:' || isAbsolute(path) ? path : resolve(path) };
  }
  const url = env.url('DATABASE_URL', ['mysql:', 'mariadb:']);
  const database = url ? decodeURIComponent(url.pathname.replace(/^\//, '')) : '';
  if (url && !/^[A-Za-z0-9_$-]{1,64}$/.test(database)) {
    env.fail('DATABASE_URL', 'must name a database: mysql://user:pass@host:3306/db', undefined, null);
  }
  return {
    type: 'mysql',
    flavor: url?.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
    host: url?.hostname ?? '127.0.0.1',
    port: url?.port ? Number(url.port) : 3306,
    username: url ? decodeURIComponent(url.username) : 'root',
    password: url ? decodeURIComponent(url.password) : '',
    database,
  };
}

/** A secret from the environment, or one generated once and kept in DATA_DIR. */
function secret(env: EnvReader, name: string, file: string, keepInDataDir: boolean): string {
  const v = env.raw(name);
  if (v !== undefined) {
    if (v.length < 16) return env.fail(name, 'must be at least 16 characters', undefined, v);
    return v;
  }
  if (!keepInDataDir) {
    // Several API nodes share one MySQL database: they must share this secret too.
    return env.fail(name, 'must be set when DATABASE_URL points at MySQL/MariaDB', undefined, '');
  }
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length < 16) return env.fail(name, `kept in ${file} is shorter than 16 characters`, undefined, kept);
    return kept;
  }
  const generated = randomBytes(32).toString('base64url');
  writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return generated;
}

/** A comma list of approval levels (empty: none). */
function approvalLevels(env: EnvReader, name: string, fallback: string): ApprovalLevel[] {
  const raw = env.rawAllowEmpty(name) ?? fallback;
  const levels = raw
    .split(',')
    .map((l) => l.trim().toUpperCase())
    .filter((l) => l !== '');
  const wrong = levels.filter((l) => !APPROVAL_LEVELS.includes(l as ApprovalLevel));
  if (wrong.length > 0) return env.fail(name, `must list levels among ${APPROVAL_LEVELS.join(', ')}`, raw, []);
  return [...new Set(levels as ApprovalLevel[])];
}

/** Just the database part, for tools (the TypeORM CLI) that need nothing else. */
export function loadDatabaseConfig(source: Env): DatabaseConfig {
  const env = new EnvReader(source);
  const db = parseDatabaseUrl(env, resolve(env.string('DATA_DIR', './data')));
  if (env.problems.length > 0) throw new ConfigError(env.problems);
  return db;
}

export function loadConfig(source: Env): AppConfig {
  const env = new EnvReader(source);
  const cfg = new AppConfig();
  cfg.port = env.int('PORT', 3000, 1, 65535);
  cfg.host = env.string('HOST', '0.0.0.0');
  cfg.publicUrl = (env.url('PUBLIC_URL', ['http:', 'https:'])?.toString() ?? `http://localhost:${cfg.port}`).replace(
    /\/+$/,
    '',
  );
  cfg.dataDir = resolve(env.string('DATA_DIR', './data'));
  cfg.database = parseDatabaseUrl(env, cfg.dataDir);
  cfg.redisUrl = env.url('REDIS_URL', ['redis:', 'rediss:'])?.toString();
  cfg.role = env.oneOf('ROLE', ROLES, 'all');
  cfg.logLevel = env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  cfg.trustProxy = env.trustProxy('TRUST_PROXY');
  cfg.bodyLimit = env.size('BODY_LIMIT', '1mb');
  cfg.admin = { username: env.string('ADMIN_USERNAME', 'admin'), password: env.raw('ADMIN_PASSWORD') };
  if (cfg.admin.password !== undefined && cfg.admin.password.length < 8) {
    env.fail('ADMIN_PASSWORD', 'must be at least 8 characters', undefined, null);
  }
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(cfg.admin.username)) {
    env.fail('ADMIN_USERNAME', 'must be 1-64 letters, digits or ._@-', cfg.admin.username, null);
  }
  cfg.login = {
    maxFailuresPerUser: env.int('LOGIN_MAX_FAILURES_PER_USER', 5, 1, 1000),
    maxFailuresPerIp: env.int('LOGIN_MAX_FAILURES_PER_IP', 50, 1, 100000),
    lockSeconds: env.duration('LOGIN_LOCK_TIME', 900),
  };
  cfg.graphql = {
    playground: env.bool('GRAPHQL_PLAYGROUND', true),
    depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10, 1, 100),
    wsRecheckSeconds: env.int('GRAPHQL_WS_RECHECK', 60, 1, 3600),
  };
  cfg.compatPrefixes = readCompatPrefixes(env);
  cfg.cmdb = {
    heartbeatHostnameAttr: env.string('CMDB_HEARTBEAT_HOSTNAME_ATTR', 'hostname'),
    heartbeatIpAttr: env.string('CMDB_HEARTBEAT_IP_ATTR', 'private_ip'),
  };
  cfg.hermes = {
    domain: env.string('HERMES_DOMAIN', 'localhost'),
    fullstoryId: env.raw('HERMES_FULLSTORY_ID') ?? null,
  };
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(cfg.hermes.domain)) {
    env.fail('HERMES_DOMAIN', 'must be a domain name such as example.com', cfg.hermes.domain, null);
  }
  cfg.smtpUrl = env.url('SMTP_URL', ['smtp:', 'smtps:'])?.toString();
  cfg.mailFrom = env.string('MAIL_FROM', 'ops-platform@localhost');
  if (!/^[^@\s]+@[^@\s]+$/.test(cfg.mailFrom)) env.fail('MAIL_FROM', 'must be a mail address', cfg.mailFrom, null);
  cfg.deploy = { renderTimeoutMs: env.int('DEPLOY_RENDER_TIMEOUT_MS', 2000, 50, 60000) };
  cfg.approval = { twoPersonLevels: approvalLevels(env, 'APPROVAL_TWO_PERSON_LEVELS', 'S,A') };
  cfg.certificateDays = env.int('CERTIFICATE_DAYS', 365, 1, 3650);
  cfg.cdnMaxUrls = env.int('CDN_REFRESH_MAX_URLS', 100, 1, 1000);

  const ttlSeconds = env.duration('JWT_TTL', 12 * 3600);
  // Only touch DATA_DIR once everything else is known to be right.
  if (env.problems.length > 0) throw new ConfigError(env.problems);

  const embedded = cfg.database.type === 'sqlite';
  mkdirSync(cfg.dataDir, { recursive: true });
  cfg.jwt = { secret: secret(env, 'JWT_SECRET', join(cfg.dataDir, 'jwt-secret'), embedded), ttlSeconds };
  cfg.secretKey = secret(env, 'SECRET_KEY', join(cfg.dataDir, 'secret-key'), embedded);

  if (env.problems.length > 0) throw new ConfigError(env.problems);
  return cfg;
}
