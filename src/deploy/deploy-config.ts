// Deploy settings as layers: a template's values under an application's own. Pure: no Nest, no TypeORM.

export const REPOSITORY_TYPES = ['GIT', 'SVN', 'HTTP', 'FTP', 'PATH'] as const;
export type RepositoryType = (typeof REPOSITORY_TYPES)[number];

export const HOOK_SLOTS = ['globalPreExec', 'preExec', 'postExec', 'globalPostExec'] as const;
export type HookSlot = (typeof HOOK_SLOTS)[number];

/** Where the sources come from; the credential is an id of a stored repository credential. */
export interface RepositoryConfig {
  type: RepositoryType;
  url: string;
  branch: string | null;
  credentialId: number | null;
}

/** A lifecycle hook: a stored script, run as `runningUser` (else the settings' script running user). */
export interface HookConfig {
  scriptId: number;
  runningUser: string | null;
}

/**
 * One layer of deploy settings: a template's, or an application's own. Null means "not set here":
 * an application inherits the field from its template. The repository and each hook are units:
 * a credential only ever travels with the URL it was given for.
 */
export interface DeployConfig {
  enabled: boolean | null;
  repository: RepositoryConfig | null;
  deployPath: string | null;
  scriptRunningUser: string | null;
  timeout: number | null;
  keepBackups: number | null;
  hooks: Record<HookSlot, HookConfig | null>;
}

export type ConfigField = Exclude<keyof DeployConfig, 'hooks'> | `hooks.${HookSlot}`;

/** Seed 003's defaults for a field neither layer sets. */
export const DEFAULT_TIMEOUT = 120;
export const DEFAULT_KEEP_BACKUPS = 5;

/** The settings a deploy runs with: every field resolved. */
export interface EffectiveConfig extends DeployConfig {
  enabled: boolean;
  timeout: number;
  keepBackups: number;
  /** Fields whose value came from the template. */
  inherited: ConfigField[];
}

export function emptyConfig(): DeployConfig {
  return {
    enabled: null,
    repository: null,
    deployPath: null,
    scriptRunningUser: null,
    timeout: null,
    keepBackups: null,
    hooks: { globalPreExec: null, preExec: null, postExec: null, globalPostExec: null },
  };
}

type Scalar = 'enabled' | 'repository' | 'deployPath' | 'scriptRunningUser' | 'timeout' | 'keepBackups';

/**
 * Effective settings: the application's own values over the template's. Templates link no other
 * template (a template has no template field), so one level is all there is and no cycle can form.
 */
export function effectiveConfig(own: DeployConfig, template: DeployConfig | null): EffectiveConfig {
  const inherited: ConfigField[] = [];
  const pick = <K extends Scalar>(key: K): DeployConfig[K] => {
    if (own[key] !== null || !template || template[key] === null) return own[key];
    inherited.push(key);
    return template[key];
  };
  const enabled = pick('enabled');
  const repository = pick('repository');
  const deployPath = pick('deployPath');
  const scriptRunningUser = pick('scriptRunningUser');
  const timeout = pick('timeout');
  const keepBackups = pick('keepBackups');
  const hooks = { ...own.hooks };
  for (const slot of HOOK_SLOTS) {
    if (hooks[slot] === null && template?.hooks[slot]) {
      hooks[slot] = template.hooks[slot];
      inherited.push(`hooks.${slot}`);
    }
  }
  return {
    enabled: enabled ?? false,
    repository,
    deployPath,
    scriptRunningUser,
    timeout: timeout ?? DEFAULT_TIMEOUT,
    keepBackups: keepBackups ?? DEFAULT_KEEP_BACKUPS,
    hooks,
    inherited,
  };
}

/**
 * The application's own layer once its template is unlinked. Without `clean` the values it
 * inherited are copied into its own, so the effective settings do not change; with `clean` they
 * are dropped and only what the application set itself remains.
 */
export function unlinkTemplate(own: DeployConfig, template: DeployConfig, clean: boolean): DeployConfig {
  if (clean) return cloneConfig(own);
  const { inherited: _inherited, ...merged } = effectiveConfig(own, template);
  // Defaults are not values the template gave: keep them unset rather than pinning them.
  return cloneConfig({
    ...merged,
    enabled: own.enabled ?? template.enabled,
    timeout: own.timeout ?? template.timeout,
    keepBackups: own.keepBackups ?? template.keepBackups,
  });
}

export function cloneConfig(c: DeployConfig): DeployConfig {
  return {
    ...c,
    repository: c.repository && { ...c.repository },
    hooks: Object.fromEntries(HOOK_SLOTS.map((s) => [s, c.hooks[s] && { ...c.hooks[s] }])) as DeployConfig['hooks'],
  };
}

/** Ids of the scripts a layer names. */
export function scriptIdsOf(c: DeployConfig): number[] {
  return HOOK_SLOTS.map((s) => c.hooks[s]?.scriptId).filter((id): id is number => id !== undefined);
}

/** One changed field for the audit log: the field's path and its values, secrets never among them. */
export interface ConfigChange {
  field: string;
  before: unknown;
  after: unknown;
}

function flatten(c: DeployConfig | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const x = c ?? emptyConfig();
  out.set('enabled', x.enabled);
  out.set('repository.type', x.repository?.type ?? null);
  out.set('repository.url', x.repository?.url ?? null);
  out.set('repository.branch', x.repository?.branch ?? null);
  out.set('repository.credential', x.repository?.credentialId ?? null);
  out.set('deploy_path', x.deployPath);
  out.set('script_running_user', x.scriptRunningUser);
  out.set('timeout', x.timeout);
  out.set('keep_backups', x.keepBackups);
  for (const slot of HOOK_SLOTS) {
    const name = HOOK_WIRE_NAMES[slot];
    out.set(`lifecycle_hooks.${name}.script`, x.hooks[slot]?.scriptId ?? null);
    out.set(`lifecycle_hooks.${name}.running_user`, x.hooks[slot]?.runningUser ?? null);
  }
  return out;
}

/** The platform's names of the hook slots. */
export const HOOK_WIRE_NAMES: Record<HookSlot, string> = {
  globalPreExec: 'global_pre_exec',
  preExec: 'pre_exec',
  postExec: 'post_exec',
  globalPostExec: 'global_post_exec',
};

/** What differs between two layers, field by field, in the platform's field names. */
export function configChanges(before: DeployConfig | null, after: DeployConfig | null): ConfigChange[] {
  const a = flatten(before);
  const b = flatten(after);
  return [...a.keys()]
    .filter((k) => a.get(k) !== b.get(k))
    .map((k) => ({ field: k, before: a.get(k), after: b.get(k) }));
}

function show(v: unknown): string {
  return v === null || v === undefined ? '(none)' : String(v);
}

/** The audit detail of a settings change, as the platform's app operations show it. */
export function describeChanges(appName: string, changes: readonly ConfigChange[], extra: string[] = []): string {
  const parts = [...extra, ...changes.map((c) => `${c.field}: ${show(c.before)} -> ${show(c.after)}`)];
  return `change deploy settings of ${appName}${parts.length ? `: ${parts.join('; ')}` : ''}`;
}

/** A requested change to a layer. Absent: unchanged; null: unset (inherit again). */
export interface ConfigPatch {
  enabled?: boolean | null;
  /** Merged over the repository in effect; a changed URL drops the credential unless one is named. */
  repository?: {
    type?: RepositoryType;
    url?: string;
    branch?: string | null;
    credentialId?: number | null;
  } | null;
  deployPath?: string | null;
  scriptRunningUser?: string | null;
  timeout?: number | null;
  keepBackups?: number | null;
  /** A hook given replaces the hook in that slot. */
  hooks?: Partial<Record<HookSlot, HookConfig | null>>;
}

export interface PatchResult {
  config: DeployConfig;
  /**
   * The repository now pairs a credential with a URL it was not used with before: whoever asks for
   * that must be trusted with the credential, as the server at that URL will receive it.
   */
  credentialPaired: boolean;
}

/**
 * Applies a patch to an own layer. `inherited` is the repository the layer gets from elsewhere
 * (its template), the base a partial repository patch builds on. Values are checked elsewhere.
 */
export function patchConfig(own: DeployConfig, inherited: RepositoryConfig | null, patch: ConfigPatch): PatchResult {
  const next = cloneConfig(own);
  for (const key of ['enabled', 'deployPath', 'scriptRunningUser', 'timeout', 'keepBackups'] as const) {
    if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
  }
  for (const slot of HOOK_SLOTS) {
    const hook = patch.hooks?.[slot];
    if (hook !== undefined) next.hooks[slot] = hook && { scriptId: hook.scriptId, runningUser: hook.runningUser };
  }
  let credentialPaired = false;
  if (patch.repository === null) {
    next.repository = null;
  } else if (patch.repository !== undefined) {
    const p = patch.repository;
    const base = own.repository ?? inherited;
    const type = p.type ?? base?.type;
    const url = p.url ?? base?.url;
    if (type === undefined || url === undefined) {
      next.repository = { type: type as RepositoryType, url: url as string, branch: null, credentialId: null };
    } else {
      const sameSource = base !== null && url === base.url;
      const credentialId = p.credentialId !== undefined ? p.credentialId : sameSource ? base.credentialId : null;
      const branch = p.branch !== undefined ? p.branch : base !== null && type === base.type ? base.branch : null;
      next.repository = { type, url, branch, credentialId };
      credentialPaired = credentialId !== null && !(sameSource && base.credentialId === credentialId);
    }
  }
  return { config: next, credentialPaired };
}
