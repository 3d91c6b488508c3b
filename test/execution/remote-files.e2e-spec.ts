import { Test } from '@nestjs/testing';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DomainError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
  UpstreamError,
} from '../../src/common/errors/domain-errors';
import { ExecutionModule } from '../../src/execution/execution.module';
import { LogReadOptions } from '../../src/execution/log-window';
import { RemoteFiles } from '../../src/execution/remote-files.service';
import { SshClient } from '../../src/execution/ssh-client';
import { SshTarget } from '../../src/execution/ssh-target';
import { startSshd, sshdAvailable, strangerKey, TestSshd } from '../support/sshd';

// RemoteFiles against a real OpenSSH server on loopback (test/support/sshd.ts). Runs wherever sshd is
// installed; CI sets TEST_SSHD=1 so a missing sshd fails instead of skipping.

const LINE_COUNT = 5000;
const LINE_BYTES = 11; // "line 00042\n"
const line = (n: number) => `line ${String(n).padStart(5, '0')}\n`;
const linesText = (from: number, to: number) => {
  let text = '';
  for (let n = from; n <= to; n++) text += line(n);
  return text;
};

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a domain error');
}

(sshdAvailable() ? describe : describe.skip)('RemoteFiles over SSH', () => {
  let sshd: TestSshd;
  let target: SshTarget;
  let files: RemoteFiles;
  let ssh: SshClient;
  let dir: string;
  let numbered: string;
  const read = (options: LogReadOptions, path = numbered) => files.read(target, path, options);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'remote-files-'));
    numbered = join(dir, 'numbered.log');
    writeFileSync(numbered, linesText(1, LINE_COUNT));
    sshd = await startSshd();
    target = { host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey };
    const moduleRef = await Test.createTestingModule({ imports: [ExecutionModule] }).compile();
    files = moduleRef.get(RemoteFiles);
    ssh = moduleRef.get(SshClient);
  });

  afterAll(async () => {
    await sshd?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('bytes mode', () => {
    it('reads block_size bytes from the start by default', async () => {
      const chunk = await read({});
      expect(chunk).toEqual({
        content: linesText(1, LINE_COUNT).slice(0, 8192),
        length: 8192,
        total_length: LINE_COUNT * LINE_BYTES,
        position: 8192,
      });
    });

    it('reads a window at from_position; position is where the next read starts', async () => {
      const chunk = await read({ mode: 'bytes', from_position: '11', block_size: '22' });
      expect(chunk).toEqual({ content: line(2) + line(3), length: 22, total_length: 55000, position: 33 });
    });

    it('reads back from the end with from_last_position', async () => {
      const [last, before, first] = await Promise.all([
        read({ from_last_position: 0, block_size: 22 }),
        read({ from_last_position: 11, block_size: 11 }),
        read({ from_last_position: 54990, block_size: 100 }),
      ]);
      expect(last).toEqual({ content: line(4999) + line(5000), length: 22, total_length: 55000, position: 55000 });
      expect(before).toMatchObject({ content: line(4999), position: 55000 - 11 });
      expect(first).toMatchObject({ content: 'line 00001', length: 10, position: 10 });
    });

    it('stops at the end of the file and answers an empty window past it', async () => {
      const [tail, past, beforeStart] = await Promise.all([
        read({ from_position: 54989, block_size: 100 }),
        read({ from_position: 60000 }),
        read({ from_last_position: 60000 }),
      ]);
      expect(tail).toEqual({ content: line(5000), length: 11, total_length: 55000, position: 55000 });
      expect(past).toEqual({ content: '', length: 0, total_length: 55000, position: 60000 });
      expect(beforeStart).toMatchObject({ content: '', length: 0, position: 0 });
    });

    it('reads more than one SFTP packet', async () => {
      const chunk = await read({ from_position: 11, block_size: 50_000 });
      expect(chunk.content).toBe(linesText(2, LINE_COUNT).slice(0, 50_000));
      expect(chunk.position).toBe(50_011);
    });

    it('does not cut a UTF-8 character at either edge of the window', async () => {
      const path = join(dir, 'utf8.log');
      writeFileSync(path, '日志日志'); // 3 bytes each
      const [head, tail] = await Promise.all([
        read({ from_position: 0, block_size: 4 }, path),
        read({ from_last_position: 0, block_size: 4 }, path),
      ]);
      expect(head).toMatchObject({ content: '日', length: 3, position: 3 });
      expect(tail).toMatchObject({ content: '志', length: 3, position: 12 });
    });
  });

  describe('lines mode', () => {
    it('reads 1000 lines from the start by default', async () => {
      expect(await read({ mode: 'lines' })).toEqual({
        content: linesText(1, 1000),
        length: 11000,
        total_length: 55000,
        position: 11000,
        lines: 1000,
      });
    });

    it('reads lines after from_lines; lines is the next from_lines', async () => {
      const [middle, end, past] = await Promise.all([
        read({ mode: 'lines', from_lines: '10', lines: '3' }),
        read({ mode: 'lines', from_lines: 4998, lines: 10 }),
        read({ mode: 'lines', from_lines: 6000 }),
      ]);
      expect(middle).toEqual({
        content: linesText(11, 13),
        length: 33,
        total_length: 55000,
        position: 13 * LINE_BYTES,
        lines: 13,
      });
      expect(end).toMatchObject({ content: linesText(4999, 5000), position: 55000, lines: 5000 });
      expect(past).toMatchObject({ content: '', length: 0, position: 55000, lines: 6000 });
    });

    it('reads the latest lines', async () => {
      const [two, thousand] = await Promise.all([
        read({ mode: 'lines', latest_lines: 2 }),
        read({ mode: 'lines', latest_lines: 1000 }),
      ]);
      expect(two).toEqual({
        content: linesText(4999, 5000),
        length: 22,
        total_length: 55000,
        position: 55000,
        lines: 5000,
      });
      expect(thousand.content).toBe(linesText(4001, 5000));
    });

    it('reads the latest lines before latest_lines_offset lines', async () => {
      const [middle, start, past] = await Promise.all([
        read({ mode: 'lines', latest_lines: 2, latest_lines_offset: 3 }),
        read({ mode: 'lines', latest_lines: 10, latest_lines_offset: 4995 }),
        read({ mode: 'lines', latest_lines_offset: 6000 }),
      ]);
      expect(middle).toEqual({
        content: linesText(4996, 4997),
        length: 22,
        total_length: 55000,
        position: 4997 * LINE_BYTES,
        lines: 4997,
      });
      expect(start).toMatchObject({ content: linesText(1, 5), lines: 5 });
      expect(past).toMatchObject({ content: '', position: 0, lines: 0 });
    });

    it('counts a last line without a newline', async () => {
      const path = join(dir, 'no-newline.log');
      writeFileSync(path, 'a\nbb\nccc');
      const [last, all, second] = await Promise.all([
        read({ mode: 'lines', latest_lines: 1 }, path),
        read({ mode: 'lines' }, path),
        read({ mode: 'lines', latest_lines: 1, latest_lines_offset: 1 }, path),
      ]);
      expect(last).toEqual({ content: 'ccc', length: 3, total_length: 8, position: 8, lines: 3 });
      expect(all).toMatchObject({ content: 'a\nbb\nccc', lines: 3, position: 8 });
      expect(second).toMatchObject({ content: 'bb\n', position: 5, lines: 2 });
    });

    it('reads an empty file', async () => {
      const path = join(dir, 'empty.log');
      writeFileSync(path, '');
      const empty = { content: '', length: 0, total_length: 0, position: 0 };
      const answers = await Promise.all([
        read({ mode: 'lines', latest_lines: 5 }, path),
        read({ mode: 'lines' }, path),
        read({}, path),
      ]);
      expect(answers).toEqual([{ ...empty, lines: 0 }, { ...empty, lines: 0 }, empty]);
    });
  });

  describe('errors', () => {
    it('answers a missing file with NotFoundError in both modes', async () => {
      const missing = join(dir, 'missing.log');
      const errors = await Promise.all(
        [{ mode: 'bytes' }, { mode: 'lines' }, { mode: 'lines', latest_lines: 1 }].map((o) =>
          failure(read(o, missing)),
        ),
      );
      for (const e of errors) {
        expect(e).toBeInstanceOf(NotFoundError);
        expect(e.message).toBe(`file ${JSON.stringify(missing)} not found`);
      }
    });

    it('refuses a directory in both modes', async () => {
      const errors = await Promise.all(['bytes', 'lines'].map((mode) => failure(read({ mode }, dir))));
      for (const e of errors) {
        expect(e).toBeInstanceOf(InvalidInputError);
        expect(e.field).toBe('path');
      }
    });

    it('rejects bad options naming the field, before connecting', async () => {
      // A closed port: reaching the host would fail differently.
      const nowhere = { ...target, port: 1 };
      const cases: [LogReadOptions, string][] = [
        [{ from_position: 1, from_last_position: 1 }, 'from_last_position'],
        [{ block_size: 1024 * 1024 + 1 }, 'block_size'],
        [{ from_position: '-1' }, 'from_position'],
        [{ mode: 'lines', lines: 'abc' }, 'lines'],
        [{ mode: 'lines', latest_lines: 10_001 }, 'latest_lines'],
        [{ mode: 'lines', from_lines: 1, latest_lines_offset: 1 }, 'latest_lines_offset'],
        [{ mode: 'words' }, 'mode'],
      ];
      for (const [options, field] of cases) {
        const e = await failure(files.read(nowhere, numbered, options));
        expect(e).toBeInstanceOf(InvalidInputError);
        expect({ options, field: e.field }).toEqual({ options, field });
      }
      const nul = await failure(files.read(nowhere, `${numbered}\0x`, {}));
      expect(nul).toMatchObject({ field: 'path', message: 'path: must not contain a NUL character' });
    });

    it('answers a key the server does not accept with an authentication error', async () => {
      const stranger = await strangerKey();
      const e = await failure(files.read({ ...target, privateKey: stranger }, numbered, {}));
      expect(e).toBeInstanceOf(UpstreamError);
      expect(e).toMatchObject({ status: 502, reason: 'ssh_auth_failed' });
      expect(e.message).toBe(`SSH authentication failed for ${sshd.username}@127.0.0.1:${sshd.port}`);
      expect(e.message).not.toContain(stranger.slice(40, 80));
    });

    it('answers a host that does not listen with an unreachable error', async () => {
      const e = await failure(files.read({ ...target, port: 1 }, numbered, {}));
      expect(e).toMatchObject({ status: 502, reason: 'ssh_unreachable' });
    });

    it('refuses a target without credentials and a key it cannot parse', async () => {
      const bare = { host: target.host, port: target.port, username: target.username };
      expect(await failure(files.read(bare, numbered, {}))).toBeInstanceOf(InvalidStateError);
      const garbled = await failure(files.read({ ...target, privateKey: 'not a key' }, numbered, {}));
      expect(garbled).toBeInstanceOf(InvalidStateError);
      expect(garbled.message).toContain('private key cannot be parsed');
    });
  });

  describe('hostile paths', () => {
    // An injected command would run in the remote shell's working directory: the user's home.
    const marker = `pwned-${process.pid}-${Date.now()}`;
    const markers = [marker, `${marker}-dir`].map((m) => join(homedir(), m));
    const name = `a b'c"$(touch ${marker});\`touch ${marker}\`|&<>*?{x,y}~!#%\\n\n\t${'$'}HOME.log`;
    let hostile: string;

    beforeAll(() => {
      const hostileDir = join(dir, `sub dir;$(touch ${marker}-dir)'`);
      mkdirSync(hostileDir);
      hostile = join(hostileDir, name);
      writeFileSync(hostile, linesText(1, 20));
    });

    afterAll(() => {
      for (const m of markers) rmSync(m, { force: true });
    });

    it('reads a path with spaces and shell metacharacters exactly, in both modes, running nothing', async () => {
      const [bytes, latest, after, missing] = await Promise.all([
        read({ block_size: 22 }, hostile),
        read({ mode: 'lines', latest_lines: 2 }, hostile),
        read({ mode: 'lines', from_lines: 5, lines: 1 }, hostile),
        failure(read({ mode: 'lines' }, `${hostile}.missing`)),
      ]);
      expect(bytes).toMatchObject({ content: linesText(1, 2), total_length: 220 });
      expect(latest).toMatchObject({ content: linesText(19, 20), lines: 20 });
      expect(after).toMatchObject({ content: line(6), lines: 6 });
      expect(missing).toBeInstanceOf(NotFoundError);
      expect(markers.filter((m) => existsSync(m))).toEqual([]);
    });
  });

  describe('SshClient', () => {
    it('collects stdout, stderr and the exit code', async () => {
      const result = await ssh.withSession(target, (s) => s.exec('echo out; echo err >&2; exit 3'));
      expect(result).toEqual({
        stdout: Buffer.from('out\n'),
        stderr: Buffer.from('err\n'),
        code: 3,
        signal: null,
        truncated: false,
      });
    });

    it('caps the output and closes the channel', async () => {
      const result = await ssh.withSession(target, (s) =>
        s.exec('yes 0123456789 | head -c 1000000', { maxOutputBytes: 1000 }),
      );
      expect(result.truncated).toBe(true);
      expect(result.stdout.length).toBe(1000);
    });

    it('gives up on a command that runs too long', async () => {
      const started = Date.now();
      const e = await failure(ssh.withSession(target, (s) => s.exec('sleep 10', { timeoutMs: 300 })));
      expect(e).toMatchObject({ status: 502, reason: 'ssh_timeout' });
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('times out connecting to a host that never answers the handshake', async () => {
      // A listener that accepts and stays silent.
      const silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const port = (silent.address() as { port: number }).port;
      try {
        const e = await failure(ssh.withSession({ ...target, port }, (s) => s.exec('true'), { connectTimeoutMs: 300 }));
        expect(e).toMatchObject({ status: 502, reason: 'ssh_timeout' });
      } finally {
        silent.close();
      }
    });
  });
});
