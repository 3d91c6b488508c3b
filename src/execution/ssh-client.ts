import { Injectable } from '@nestjs/common';
import { Client, ClientChannel, ConnectConfig, SFTPWrapper } from 'ssh2';
import { InvalidStateError, UpstreamError } from '../common/errors/domain-errors';
import { SshTarget } from './ssh-target';

/** Covers TCP connect, key exchange and authentication together. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_EXEC_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
const MAX_STDERR_BYTES = 64 * 1024;
/** How long a graceful disconnect may take before the socket is destroyed. */
const CLOSE_GRACE_MS = 2_000;

export interface SshConnectOptions {
  connectTimeoutMs?: number;
}

export interface SshExecOptions {
  timeoutMs?: number;
  /** Stdout beyond this is dropped, the channel closed and the result marked `truncated`. */
  maxOutputBytes?: number;
}

export interface SshExecResult {
  stdout: Buffer;
  /** At most 64 KiB. */
  stderr: Buffer;
  /** Null when the command ended by a signal or the channel was closed before it exited. */
  code: number | null;
  signal: string | null;
  truncated: boolean;
}

/** An open, authenticated connection, valid inside `SshClient.withSession`'s callback. */
export interface SshSession {
  /** `user@host:port`, for messages. */
  readonly where: string;
  /** Runs a command through the remote user's login shell; quote arguments with `shellQuote`. */
  exec(command: string, options?: SshExecOptions): Promise<SshExecResult>;
  /** The connection's SFTP channel, opened on first use. */
  sftp(): Promise<SFTPWrapper>;
}

type Ssh2Error = Error & { level?: string; code?: string | number };

/** Quotes one word for a POSIX shell: the result is always a single literal argument. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function describe(target: SshTarget): string {
  return `${target.username}@${target.host}:${target.port}`;
}

function connectError(err: Ssh2Error, where: string, timeoutMs: number): UpstreamError {
  switch (err.level) {
    case 'client-authentication':
      return new UpstreamError(`SSH authentication failed for ${where}`).because('ssh_auth_failed');
    case 'client-timeout':
      return new UpstreamError(`SSH connection to ${where} timed out after ${timeoutMs} ms`).because('ssh_timeout');
    case 'client-socket':
    case 'client-dns':
      return new UpstreamError(`cannot reach ${where}: ${err.code ?? err.message}`).because('ssh_unreachable');
    default:
      return new UpstreamError(`SSH connection to ${where} failed: ${err.message}`).because('ssh_failed');
  }
}

/** The ssh2 client plus what its events told us, so late failures are not lost. */
class Connection implements SshSession {
  readonly where: string;
  closed = false;
  failure?: Ssh2Error;
  private sftpChannel?: Promise<SFTPWrapper>;

  constructor(
    readonly client: Client,
    target: SshTarget,
  ) {
    this.where = describe(target);
  }

  exec(command: string, options: SshExecOptions = {}): Promise<SshExecResult> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const maxOutput = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    return new Promise<SshExecResult>((resolve, reject) => {
      const fail = (message: string, reason: string) => reject(new UpstreamError(message).because(reason));
      if (this.closed) return fail(`SSH connection to ${this.where} is closed`, 'ssh_failed');
      const started = (err: Error | undefined, stream: ClientChannel) => {
        if (err) return fail(`cannot run a command on ${this.where}: ${err.message}`, 'ssh_failed');
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        let outBytes = 0;
        let errBytes = 0;
        let truncated = false;
        let code: number | null = null;
        let signal: string | null = null;
        // Settles without waiting for the channel: a hung remote must not hold the caller.
        const timer = setTimeout(() => {
          fail(`command on ${this.where} timed out after ${timeoutMs} ms`, 'ssh_timeout');
          stream.signal('KILL');
          stream.close();
        }, timeoutMs);
        stream.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = maxOutput - outBytes;
          if (chunk.length > room) {
            stdout.push(chunk.subarray(0, room));
            outBytes = maxOutput;
            truncated = true;
            stream.close();
            return;
          }
          stdout.push(chunk);
          outBytes += chunk.length;
        });
        stream.stderr.on('data', (chunk: Buffer) => {
          const piece = chunk.subarray(0, Math.max(0, MAX_STDERR_BYTES - errBytes));
          stderr.push(piece);
          errBytes += piece.length;
        });
        stream.on('exit', (exitCode: number | null, exitSignal?: string) => {
          code = typeof exitCode === 'number' ? exitCode : null;
          signal = exitSignal ?? null;
        });
        stream.on('close', () => {
          clearTimeout(timer);
          if (code === null && signal === null && !truncated && this.failure) {
            return fail(`SSH connection to ${this.where} failed: ${this.failure.message}`, 'ssh_failed');
          }
          resolve({ stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), code, signal, truncated });
        });
      };
      try {
        this.client.exec(command, started);
      } catch (e) {
        // ssh2 throws when the socket went away between our check and the call.
        fail(`cannot run a command on ${this.where}: ${e instanceof Error ? e.message : String(e)}`, 'ssh_failed');
      }
    });
  }

  sftp(): Promise<SFTPWrapper> {
    this.sftpChannel ??= new Promise<SFTPWrapper>((resolve, reject) => {
      this.client.sftp((err, sftp) => {
        if (err)
          reject(new UpstreamError(`SFTP is not available on ${this.where}: ${err.message}`).because('ssh_failed'));
        else resolve(sftp);
      });
    });
    return this.sftpChannel;
  }

  /** Disconnects politely, then destroys the socket if the server does not answer in time. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.client.destroy();
        resolve();
      }, CLOSE_GRACE_MS);
      timer.unref();
      this.client.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.client.end();
    });
  }
}

/**
 * Opens SSH connections with ssh2: one connection per `withSession` call, always closed when the
 * callback settles. Host keys are not verified yet: the inventory holds no known host keys.
 */
@Injectable()
export class SshClient {
  async withSession<T>(
    target: SshTarget,
    work: (session: SshSession) => Promise<T>,
    options: SshConnectOptions = {},
  ): Promise<T> {
    const connection = await this.connect(target, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
    try {
      return await work(connection);
    } finally {
      await connection.close();
    }
  }

  private connect(target: SshTarget, timeoutMs: number): Promise<Connection> {
    const where = describe(target);
    if (!target.privateKey && !target.password) {
      return Promise.reject(new InvalidStateError(`no SSH private key or password for ${where}`));
    }
    const config: ConnectConfig = {
      host: target.host,
      port: target.port,
      username: target.username,
      privateKey: target.privateKey || undefined,
      password: target.password || undefined,
      readyTimeout: timeoutMs,
      keepaliveInterval: 15_000,
      tryKeyboard: false,
    };
    return new Promise<Connection>((resolve, reject) => {
      const client = new Client();
      const connection = new Connection(client, target);
      let ready = false;
      client.on('ready', () => {
        ready = true;
        resolve(connection);
      });
      // Stays attached for the connection's life: an 'error' without a listener would crash the process.
      client.on('error', (err: Ssh2Error) => {
        connection.failure = err;
        if (!ready) {
          reject(connectError(err, where, timeoutMs));
          client.destroy();
        }
      });
      client.on('close', () => {
        connection.closed = true;
        if (!ready) reject(new UpstreamError(`SSH connection to ${where} closed during login`).because('ssh_failed'));
      });
      try {
        client.connect(config);
      } catch (e) {
        // ssh2 checks the configuration synchronously; its messages never quote the key itself.
        const detail =
          e instanceof Error && !/privateKey/i.test(e.message) ? e.message : 'the private key cannot be parsed';
        reject(new InvalidStateError(`cannot connect to ${where}: ${detail}`));
      }
    });
  }
}
