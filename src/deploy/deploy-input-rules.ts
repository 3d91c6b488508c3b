// What deploy settings may hold. Their values end up in commands on hosts, so they are kept to
// plain characters here, whatever the transport. Pure: throws the domain's InvalidInputError.
import { InvalidInputError } from '../common/errors/domain-errors';
import {
  DeployConfig,
  HOOK_SLOTS,
  HOOK_WIRE_NAMES,
  REPOSITORY_TYPES,
  RepositoryConfig,
  RepositoryType,
} from './deploy-config';

export const MAX_TIMEOUT = 86400;
export const MAX_KEEP_BACKUPS = 100;
export const SCRIPT_LANGUAGES = ['bash', 'python'] as const;
export type ScriptLanguage = (typeof SCRIPT_LANGUAGES)[number];
/** Nunjucks, which reads Jinja templates. */
export const TEMPLATE_ENGINES = ['jinja'] as const;
export type TemplateEngine = (typeof TEMPLATE_ENGINES)[number];

const SAFE_PATH = /^\/[A-Za-z0-9._/@+=,:~-]*$/;
const USER = /^[a-z_][a-z0-9_-]{0,31}$/;
const BRANCH = /^[A-Za-z0-9._][A-Za-z0-9._/+-]{0,254}$/;
// Printable, no whitespace, nothing that ends a single-quoted word or starts a command.
const URL_CHARS = /^[\x21-\x7e]+$/;
const SHELL_CHARS = /['"`$\\;|<>(){}]/;
const SCP_LIKE = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._~/+-]+$/;

const SCHEMES: Record<Exclude<RepositoryType, 'PATH'>, string[]> = {
  GIT: ['https:', 'http:', 'ssh:', 'git:'],
  SVN: ['svn:', 'svn+ssh:', 'https:', 'http:'],
  HTTP: ['https:', 'http:'],
  FTP: ['ftp:', 'ftps:', 'sftp:'],
};

/** An absolute path on a host: plain characters, no `..`, not the root itself. */
export function checkPath(field: string, path: string): string {
  if (typeof path !== 'string' || path.length > 1024 || !SAFE_PATH.test(path)) {
    throw new InvalidInputError(field, 'must be an absolute path of letters, digits and ._/@+=,:~- (at most 1024)');
  }
  if (path.split('/').some((p) => p === '..' || p === '.')) {
    throw new InvalidInputError(field, 'must not contain . or .. segments');
  }
  if (path.replace(/\/+$/, '') === '') throw new InvalidInputError(field, 'must not be the root directory');
  return path;
}

export function checkUser(field: string, user: string): string {
  if (typeof user !== 'string' || !USER.test(user)) {
    throw new InvalidInputError(field, 'must be a user name: lower-case letters, digits, _ or -, at most 32');
  }
  return user;
}

export function checkTimeout(field: string, seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TIMEOUT) {
    throw new InvalidInputError(field, `must be a whole number of seconds from 1 to ${MAX_TIMEOUT}`);
  }
  return seconds;
}

export function checkKeepBackups(field: string, n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > MAX_KEEP_BACKUPS) {
    throw new InvalidInputError(field, `must be a whole number from 0 to ${MAX_KEEP_BACKUPS}`);
  }
  return n;
}

/** A display name: 1-128 characters, no control characters, not blank. */
export function checkName(field: string, name: string): string {
  // eslint-disable-next-line no-control-regex
  if (typeof name !== 'string' || name.trim() === '' || name.length > 128 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new InvalidInputError(field, 'must be 1-128 characters without control characters');
  }
  return name;
}

export function checkLanguage(field: string, language: string): ScriptLanguage {
  const found = SCRIPT_LANGUAGES.find((l) => l === language);
  if (!found) {
    throw new InvalidInputError(field, `"${language}" is not supported: use ${SCRIPT_LANGUAGES.join(' or ')}`).because(
      'unsupported_language',
    );
  }
  return found;
}

export function checkTemplateEngine(field: string, engine: string): TemplateEngine {
  const found = TEMPLATE_ENGINES.find((e) => e === engine);
  if (!found) {
    throw new InvalidInputError(field, `"${engine}" is not supported: use ${TEMPLATE_ENGINES.join(' or ')}`).because(
      'unsupported_template_engine',
    );
  }
  return found;
}

function checkUrl(field: string, type: RepositoryType, url: string): void {
  if (typeof url !== 'string' || url.length === 0 || url.length > 1024) {
    throw new InvalidInputError(field, 'is required, at most 1024 characters');
  }
  if (type === 'PATH') {
    checkPath(field, url);
    return;
  }
  if (url.startsWith('-') || !URL_CHARS.test(url) || SHELL_CHARS.test(url)) {
    throw new InvalidInputError(field, 'must be a URL without spaces or shell characters');
  }
  if (type === 'GIT' && SCP_LIKE.test(url)) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidInputError(field, `is not a URL`);
  }
  const schemes = SCHEMES[type];
  if (!schemes.includes(parsed.protocol)) {
    throw new InvalidInputError(
      field,
      `a ${type} repository URL starts with ${schemes.map((s) => `${s}//`).join(', ')}`,
    );
  }
  if (!parsed.hostname) throw new InvalidInputError(field, 'must name a host');
  if (parsed.password) {
    throw new InvalidInputError(field, 'must not carry a password: use a repository credential');
  }
}

/** A whole repository, checked as one: its URL fits its type, only GIT and SVN have a branch. */
export function checkRepository(field: string, r: RepositoryConfig): RepositoryConfig {
  if (!REPOSITORY_TYPES.includes(r.type)) {
    if (r.type === undefined) throw new InvalidInputError(`${field}.type`, 'is required');
    throw new InvalidInputError(`${field}.type`, `must be one of ${REPOSITORY_TYPES.join(', ')}`);
  }
  checkUrl(`${field}.url`, r.type, r.url);
  if (r.branch !== null) {
    if (r.type !== 'GIT' && r.type !== 'SVN') {
      throw new InvalidInputError(`${field}.branch`, 'only GIT and SVN repositories have a branch');
    }
    if (!BRANCH.test(r.branch) || r.branch.includes('..') || r.branch.endsWith('/') || r.branch.endsWith('.lock')) {
      throw new InvalidInputError(`${field}.branch`, 'must be a branch name of letters, digits and ._/+-');
    }
  } else if (r.type === 'GIT') {
    throw new InvalidInputError(`${field}.branch`, 'a GIT repository needs a branch');
  }
  if (r.type === 'PATH' && r.credentialId !== null) {
    throw new InvalidInputError(`${field}.credential`, 'a path on the host needs no credential');
  }
  return r;
}

/** Every value a layer sets, named as the platform names it. */
export function checkConfig(c: DeployConfig): DeployConfig {
  if (c.repository) checkRepository('repository', c.repository);
  if (c.deployPath !== null) checkPath('deploy_path', c.deployPath);
  if (c.scriptRunningUser !== null) checkUser('script_running_user', c.scriptRunningUser);
  if (c.timeout !== null) checkTimeout('timeout', c.timeout);
  if (c.keepBackups !== null) checkKeepBackups('keep_backups', c.keepBackups);
  for (const slot of HOOK_SLOTS) {
    const user = c.hooks[slot]?.runningUser;
    if (user !== null && user !== undefined) checkUser(`lifecycle_hooks.${HOOK_WIRE_NAMES[slot]}.running_user`, user);
  }
  return c;
}
