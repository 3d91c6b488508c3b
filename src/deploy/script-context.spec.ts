import { sampleScriptContext, scriptContext } from './script-context';

describe('scriptContext', () => {
  it('spells the variables as the platform does and lays out releases under the deploy path', () => {
    const ctx = scriptContext({
      application: {
        id: 4,
        name: 'api',
        fullName: 'shop.api',
        applicationType: null,
        runUser: 'www',
        directory: null,
        startupCommand: 'svc start',
        stopCommand: null,
        stdoutPath: null,
        stderrPath: null,
        pidPath: null,
      },
      instance: { id: 9, status: 'running', version: 'v1' },
      host: { id: 2, name: 'web-1', addresses: ['127.0.0.2', '127.0.0.3'] },
      version: 'v2',
      task: { id: 'sub-1', level: 'A', description: null, operator: 'alice' },
      settings: { deployPath: '/srv/api/', keepBackups: 3, timeout: 60, runningUser: null },
    });
    expect(ctx).toEqual({
      application: {
        id: 4,
        name: 'api',
        full_name: 'shop.api',
        application_type: null,
        run_user: 'www',
        directory: null,
        startup_cmd: 'svc start',
        stop_cmd: null,
        stdout_path: null,
        stderr_path: null,
        pid_path: null,
      },
      instance: { id: 9, status: 'running', version: 'v1' },
      host: { id: 2, name: 'web-1', ip: '127.0.0.2', ips: ['127.0.0.2', '127.0.0.3'] },
      version: 'v2',
      task: { id: 'sub-1', level: 'A', description: null, operator: 'alice' },
      deploy: {
        path: '/srv/api',
        releases_path: '/srv/api/releases',
        release_path: '/srv/api/releases/v2',
        current_path: '/srv/api/current',
        keep_backups: 3,
        timeout: 60,
        running_user: null,
      },
    });
  });

  it('leaves paths unset without a deploy path, and the sample sets every variable', () => {
    const sample = sampleScriptContext();
    const walk = (v: unknown): boolean =>
      v !== null && (typeof v !== 'object' || Object.values(v as object).every(walk));
    expect(walk(sample)).toBe(true);
  });
});
