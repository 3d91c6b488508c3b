// The variables a deploy script sees when it is rendered: plain data, snake_case as the platform
// spells it, never a credential. Pure.

export interface ScriptApplication {
  id: number;
  name: string;
  fullName: string;
  applicationType: string | null;
  runUser: string | null;
  directory: string | null;
  startupCommand: string | null;
  stopCommand: string | null;
  stdoutPath: string | null;
  stderrPath: string | null;
  pidPath: string | null;
}

export interface ScriptContextInput {
  application: ScriptApplication;
  instance: { id: number; status: string; version: string | null } | null;
  host: { id: number; name: string; addresses: string[] } | null;
  version: string;
  task: { id: number | string; level: string | null; description: string | null; operator: string | null } | null;
  settings: { deployPath: string | null; keepBackups: number; timeout: number; runningUser: string | null };
}

/** A JSON value: what crosses into the renderer. */
export type ContextValue = string | number | boolean | null | ContextValue[] | { [key: string]: ContextValue };

export function scriptContext(input: ScriptContextInput): Record<string, ContextValue> {
  const a = input.application;
  const root = input.settings.deployPath?.replace(/\/+$/, '') ?? null;
  return {
    application: {
      id: a.id,
      name: a.name,
      full_name: a.fullName,
      application_type: a.applicationType,
      run_user: a.runUser,
      directory: a.directory,
      startup_cmd: a.startupCommand,
      stop_cmd: a.stopCommand,
      stdout_path: a.stdoutPath,
      stderr_path: a.stderrPath,
      pid_path: a.pidPath,
    },
    instance: input.instance && { ...input.instance },
    host: input.host && {
      id: input.host.id,
      name: input.host.name,
      ip: input.host.addresses[0] ?? null,
      ips: [...input.host.addresses],
    },
    version: input.version,
    task: input.task && { ...input.task },
    // The layout a rollout uses: releases/<version> under the deploy path, `current` linking one.
    deploy: {
      path: root,
      releases_path: root && `${root}/releases`,
      release_path: root && `${root}/releases/${input.version}`,
      current_path: root && `${root}/current`,
      keep_backups: input.settings.keepBackups,
      timeout: input.settings.timeout,
      running_user: input.settings.runningUser,
    },
  };
}

/**
 * A context with every variable set, for checking a script when it is saved: a script that
 * renders with it fails later only on data it did not expect, not on a typo.
 */
export function sampleScriptContext(): Record<string, ContextValue> {
  return scriptContext({
    application: {
      id: 1,
      name: 'app',
      fullName: 'product.app',
      applicationType: 'java',
      runUser: 'work',
      directory: '/data/app',
      startupCommand: 'service app start',
      stopCommand: 'service app stop',
      stdoutPath: '/data/log/app/stdout',
      stderrPath: '/data/log/app/stderr',
      pidPath: '/var/run/app.pid',
    },
    instance: { id: 1, status: 'running', version: '20180101-000000' },
    host: { id: 1, name: 'host-1', addresses: ['127.0.0.1'] },
    version: '20180102-000000',
    task: { id: 1, level: 'B', description: 'sample deploy', operator: 'admin' },
    settings: { deployPath: '/data/deploy/app', keepBackups: 5, timeout: 120, runningUser: 'work' },
  });
}
