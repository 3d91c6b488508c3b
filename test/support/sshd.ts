import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A private OpenSSH server on 127.0.0.1 for tests that cross into SSH. It needs Debian's
// openssh-server (/usr/sbin/sshd, ssh-keygen, and, when run as root, the "sshd" privilege
// separation user the package creates and /run/sshd, made here when missing). It logs in only the
// current user (root in CI) with a throwaway key, so that account must not be locked ("!" in
// /etc/shadow) since PAM is off. Run as another user, sshd works without privilege separation.

export const SSHD_PATH = '/usr/sbin/sshd';
const SSH_KEYGEN = 'ssh-keygen';
const START_TIMEOUT_MS = 10_000;

export interface TestSshd {
  host: '127.0.0.1';
  port: number;
  username: string;
  /** OpenSSH private key (ed25519, no passphrase) the server accepts for `username`. */
  privateKey: string;
  stop(): Promise<void>;
}

/**
 * Whether tests that need sshd can run. TEST_SSHD=1 (set by CI) makes sshd required: its absence
 * then throws instead of letting the tests skip.
 */
export function sshdAvailable(): boolean {
  if (existsSync(SSHD_PATH)) return true;
  if (process.env.TEST_SSHD === '1') {
    throw new Error(`TEST_SSHD=1 but ${SSHD_PATH} is missing: install Debian's openssh-server`);
  }
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function keygen(file: string): Promise<void> {
  await promisify(execFile)(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', 'test-sshd', '-f', file]);
}

/**
 * A fresh OpenSSH private key no server knows. Made by ssh-keygen: ssh2's own generator
 * now and then writes ed25519 keys that ssh2 itself cannot parse back.
 */
export async function strangerKey(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ssh-key-'));
  try {
    await keygen(join(dir, 'id'));
    return readFileSync(join(dir, 'id'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/** Kills sshd and the per-connection processes it forked: they share its process group. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Starts sshd on a free high port and resolves once it accepts connections. */
export async function startSshd(): Promise<TestSshd> {
  if (!sshdAvailable()) throw new Error(`${SSHD_PATH} is missing: install Debian's openssh-server`);
  if (process.getuid?.() === 0 && !existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755 });

  const dir = mkdtempSync(join(tmpdir(), 'test-sshd-'));
  await Promise.all([keygen(join(dir, 'host_ed25519')), keygen(join(dir, 'user_ed25519'))]);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user_ed25519.pub')));
  const privateKey = readFileSync(join(dir, 'user_ed25519'), 'utf8');
  const username = userInfo().username;

  // A port picked free may be taken before sshd binds it: try a few.
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const config = join(dir, 'sshd_config');
    writeFileSync(
      config,
      [
        'ListenAddress 127.0.0.1',
        `Port ${port}`,
        `HostKey "${join(dir, 'host_ed25519')}"`,
        `AuthorizedKeysFile "${join(dir, 'authorized_keys')}"`,
        `PidFile "${join(dir, 'sshd.pid')}"`,
        `AllowUsers ${username}`,
        'PermitRootLogin prohibit-password',
        'PubkeyAuthentication yes',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'StrictModes no',
        'UsePAM no',
        'UseDNS no',
        'Subsystem sftp internal-sftp',
        'LogLevel ERROR',
        '',
      ].join('\n'),
    );
    const child = spawn(SSHD_PATH, ['-D', '-e', '-f', config], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const onExit = () => killGroup(child, 'SIGKILL');
    process.once('exit', onExit);

    const deadline = Date.now() + START_TIMEOUT_MS;
    let up = false;
    while (!up && Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      up = await accepts(port);
      if (!up) await new Promise((r) => setTimeout(r, 50));
    }
    if (up) {
      return {
        host: '127.0.0.1',
        port,
        username,
        privateKey,
        async stop() {
          process.removeListener('exit', onExit);
          killGroup(child, 'SIGTERM');
          const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
          await exited(child);
          clearTimeout(timer);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    process.removeListener('exit', onExit);
    killGroup(child, 'SIGKILL');
    await exited(child);
    lastError = stderr.trim() || `sshd did not accept connections on port ${port} within ${START_TIMEOUT_MS} ms`;
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`sshd did not start: ${lastError}`);
}
