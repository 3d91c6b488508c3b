import { Injectable } from '@nestjs/common';
import { SFTPWrapper, Stats } from 'ssh2';
import { ForbiddenError, InvalidInputError, NotFoundError, UpstreamError } from '../common/errors/domain-errors';
import {
  byteRange,
  capLines,
  checkLogPath,
  countLines,
  lineRange,
  LogChunk,
  LogReadOptions,
  MAX_LINES_BYTES,
  parseLogWindow,
  utf8Bounds,
} from './log-window';
import { shellQuote, SshClient, SshSession } from './ssh-client';
import { SshTarget } from './ssh-target';

// SFTP status codes (draft-ietf-secsh-filexfer) and the exit codes of the scripts below (sysexits.h).
const SFTP_NO_SUCH_FILE = 2;
const SFTP_PERMISSION_DENIED = 3;
const EXIT_NOT_FOUND = 66;
const EXIT_NOT_REGULAR = 65;
const EXIT_NO_PERMISSION = 77;

// Lines mode runs on the remote host so only the asked lines travel. Every command reads the first
// `s` bytes only (the size when the read began), so a log that grows meanwhile still gives counts,
// offsets and content that agree. Redirections keep a path that starts with "-" from being an option;
// the path and numbers arrive as positional parameters, never inside the script text.
const CHECK = [
  'export LC_ALL=C',
  'f=$1',
  `[ -e "$f" ] || exit ${EXIT_NOT_FOUND}`,
  `[ -f "$f" ] || exit ${EXIT_NOT_REGULAR}`,
  `[ -r "$f" ] || exit ${EXIT_NO_PERMISSION}`,
];

/** $1 path -> "size lines" (a last line without a newline counts). */
const MEASURE_SCRIPT = [
  ...CHECK,
  's=$(($(wc -c < "$f")))',
  't=$(($(head -c "$s" < "$f" | wc -l)))',
  'if [ "$s" -gt 0 ] && [ $(($(tail -c +"$s" < "$f" | head -c 1 | wc -l))) -eq 0 ]; then t=$((t + 1)); fi',
  'echo "$s $t"',
].join('\n');

/** $1 path, $2 size or "", $3 lines to skip, $4 lines to take, $5 byte cap -> "size offset\n" + lines. */
const READ_SCRIPT = [
  ...CHECK,
  's=$2',
  'if [ -z "$s" ]; then s=$(($(wc -c < "$f"))); fi',
  'p=$(($(head -c "$s" < "$f" | head -n "$3" | wc -c)))',
  'echo "$s $p"',
  'if [ "$4" -gt 0 ]; then head -c "$s" < "$f" | head -n $(($3 + $4)) | tail -n +$(($3 + 1)) | head -c "$5"; fi',
].join('\n');

function shellCommand(script: string, args: (string | number)[]): string {
  return ['sh', '-c', shellQuote(script), 'sh', ...args.map((a) => shellQuote(String(a)))].join(' ');
}

/**
 * Reads part of a file on a remote host over SSH without fetching the whole file: a byte window
 * through SFTP, or a range of lines cut out on the host with standard tools.
 */
@Injectable()
export class RemoteFiles {
  constructor(private readonly ssh: SshClient) {}

  /** Options are checked before any connection is opened. */
  async read(target: SshTarget, path: string, options: LogReadOptions): Promise<LogChunk> {
    checkLogPath(path);
    const window = parseLogWindow(options);
    return this.ssh.withSession(target, (session) =>
      window.mode === 'bytes' ? this.readBytes(session, path, window) : this.readLines(session, path, window),
    );
  }

  private async readBytes(
    session: SshSession,
    path: string,
    window: { from: 'start' | 'end'; offset: number; size: number },
  ): Promise<LogChunk> {
    const sftp = await session.sftp();
    const stats = await this.sftpCall(session, path, (cb: (err: Error | undefined, s: Stats) => void) =>
      sftp.stat(path, cb),
    );
    if (!stats.isFile()) throw new InvalidInputError('path', `"${path}" is not a regular file`);
    const totalLength = stats.size;
    const { start, end } = byteRange(window, totalLength);
    const bytes = end > start ? await this.readRange(session, sftp, path, start, end - start) : Buffer.alloc(0);
    const { begin, end: stop } = utf8Bounds(bytes, start === 0);
    const content = bytes.subarray(begin, stop);
    return {
      content: content.toString('utf8'),
      length: content.length,
      total_length: totalLength,
      position: start + begin + content.length,
    };
  }

  private async readRange(
    session: SshSession,
    sftp: SFTPWrapper,
    path: string,
    position: number,
    length: number,
  ): Promise<Buffer> {
    const handle = await this.sftpCall(session, path, (cb: (err: Error | undefined, h: Buffer) => void) =>
      sftp.open(path, 'r', cb),
    );
    try {
      const buffer = Buffer.alloc(length);
      let got = 0;
      // A server may answer a read with fewer bytes than asked; 0 means the file ended (it shrank).
      while (got < length) {
        const n = await this.sftpCall(session, path, (cb: (err: Error | undefined, n: number) => void) =>
          sftp.read(handle, buffer, got, length - got, position + got, cb),
        );
        if (n === 0) break;
        got += n;
      }
      return buffer.subarray(0, got);
    } finally {
      await new Promise<void>((resolve) => sftp.close(handle, () => resolve()));
    }
  }

  /** Runs one SFTP request and turns its status into a domain error. */
  private sftpCall<T>(
    session: SshSession,
    path: string,
    call: (cb: (err: Error | undefined, value: T) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      call((err, value) => {
        if (!err) return resolve(value);
        const code = (err as Error & { code?: number }).code;
        if (code === SFTP_NO_SUCH_FILE) return reject(new NotFoundError('file', path, 'path'));
        if (code === SFTP_PERMISSION_DENIED) return reject(this.permissionDenied(session, path));
        reject(new UpstreamError(`reading "${path}" on ${session.where} failed: ${err.message}`).because('ssh_failed'));
      }),
    );
  }

  private async readLines(
    session: SshSession,
    path: string,
    window: { from: 'start' | 'end'; skip: number; count: number },
  ): Promise<LogChunk> {
    // From the start, one command does it; from the end, the line count comes first.
    let size = '';
    let range = { skip: window.skip, count: window.count };
    if (window.from === 'end') {
      const measured = await this.run(session, path, MEASURE_SCRIPT, [path], 256);
      const [s, t] = this.header(session, path, measured.toString('latin1').trim());
      size = String(s);
      range = lineRange(window, t);
    }
    const out = await this.run(
      session,
      path,
      READ_SCRIPT,
      [path, size, range.skip, range.count, MAX_LINES_BYTES + 1],
      MAX_LINES_BYTES + 256,
    );
    const newline = out.indexOf(0x0a);
    const [totalLength, offset] = this.header(session, path, out.subarray(0, Math.max(0, newline)).toString('latin1'));
    const content = capLines(out.subarray(newline + 1), MAX_LINES_BYTES);
    return {
      content: content.toString('utf8'),
      length: content.length,
      total_length: totalLength,
      position: offset + content.length,
      lines: range.skip + countLines(content),
    };
  }

  private async run(
    session: SshSession,
    path: string,
    script: string,
    args: (string | number)[],
    maxOutputBytes: number,
  ): Promise<Buffer> {
    const result = await session.exec(shellCommand(script, args), { maxOutputBytes });
    switch (result.code) {
      case 0:
        return result.stdout;
      case EXIT_NOT_FOUND:
        throw new NotFoundError('file', path, 'path');
      case EXIT_NOT_REGULAR:
        throw new InvalidInputError('path', `"${path}" is not a regular file`);
      case EXIT_NO_PERMISSION:
        throw this.permissionDenied(session, path);
      default: {
        const detail =
          result.stderr.toString('utf8').trim().slice(0, 200) || `exit status ${result.code ?? result.signal}`;
        throw new UpstreamError(`reading "${path}" on ${session.where} failed: ${detail}`).because('ssh_failed');
      }
    }
  }

  /** "<size> <number>" as the scripts print it. */
  private header(session: SshSession, path: string, line: string): [number, number] {
    const match = /^(\d+) (\d+)$/.exec(line);
    if (!match) {
      throw new UpstreamError(`reading "${path}" on ${session.where} gave unexpected output`).because('ssh_failed');
    }
    return [Number(match[1]), Number(match[2])];
  }

  private permissionDenied(session: SshSession, path: string): ForbiddenError {
    return new ForbiddenError(`${session.where} may not read "${path}": permission denied`).because(
      'remote_permission_denied',
    );
  }
}
