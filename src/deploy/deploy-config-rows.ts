// Between a layer of deploy settings (deploy-config.ts) and the columns that store it.
import { DeployConfig, HOOK_SLOTS, HookSlot } from './deploy-config';
import type { DeployConfigColumns } from './entities/deploy-config-columns';

const HOOK_COLUMNS = {
  globalPreExec: ['globalPreExecScriptId', 'globalPreExecRunningUser'],
  preExec: ['preExecScriptId', 'preExecRunningUser'],
  postExec: ['postExecScriptId', 'postExecRunningUser'],
  globalPostExec: ['globalPostExecScriptId', 'globalPostExecRunningUser'],
} as const satisfies Record<HookSlot, readonly [keyof DeployConfigColumns, keyof DeployConfigColumns]>;

/** The layer a row holds. */
export function configOf(row: DeployConfigColumns): DeployConfig {
  const hooks = Object.fromEntries(
    HOOK_SLOTS.map((slot) => {
      const [scriptId, runningUser] = HOOK_COLUMNS[slot];
      const id = row[scriptId] as number | null;
      return [slot, id === null ? null : { scriptId: id, runningUser: row[runningUser] as string | null }];
    }),
  ) as DeployConfig['hooks'];
  return {
    // SQLite and MySQL hand booleans back as 0/1.
    enabled: row.enabled === null || row.enabled === undefined ? null : Boolean(row.enabled),
    repository:
      row.repositoryType === null
        ? null
        : {
            type: row.repositoryType,
            url: row.repositoryUrl ?? '',
            branch: row.repositoryBranch,
            credentialId: row.credentialId,
          },
    deployPath: row.deployPath,
    scriptRunningUser: row.scriptRunningUser,
    timeout: row.timeout,
    keepBackups: row.keepBackups,
    hooks,
  };
}

/** Writes a layer into a row's columns. */
export function assignConfig(row: DeployConfigColumns, c: DeployConfig): void {
  row.enabled = c.enabled;
  row.repositoryType = c.repository?.type ?? null;
  row.repositoryUrl = c.repository?.url ?? null;
  row.repositoryBranch = c.repository?.branch ?? null;
  row.credentialId = c.repository?.credentialId ?? null;
  row.deployPath = c.deployPath;
  row.scriptRunningUser = c.scriptRunningUser;
  row.timeout = c.timeout;
  row.keepBackups = c.keepBackups;
  for (const slot of HOOK_SLOTS) {
    const [scriptId, runningUser] = HOOK_COLUMNS[slot];
    Object.assign(row, {
      [scriptId]: c.hooks[slot]?.scriptId ?? null,
      [runningUser]: c.hooks[slot]?.runningUser ?? null,
    });
  }
}

/** The columns naming scripts, for "which layers use this script". */
export const SCRIPT_COLUMNS = HOOK_SLOTS.map((slot) => HOOK_COLUMNS[slot][0]);
