import autocannon, { Options, Result } from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export const ADMIN_PASSWORD = 'bench-admin-password';

/** A fresh database on the server of `server` (mariadb://user:pass@host:port). */
export async function freshDatabase(server: string, name: string): Promise<string> {
  const base = new URL(server);
  base.pathname = '/';
  const c = await createConnection({ uri: base.toString() });
  await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return url.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts the built service (dist/) as its own process, as production runs it. */
export interface Service {
  url: string;
  pid: number;
  stop: () => void;
}

export async function startService(databaseUrl: string): Promise<Service> {
  const port = await freePort();
  // BENCH_NODE_ARGS: extra node flags for the service, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ops-bench-')),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'bench-jwt-secret-0123456789',
      SECRET_KEY: 'bench-secret-key-0123456789',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    // BENCH_SERVICE_LOG: a file for the service's own log lines (warnings and errors), else dropped.
    stdio: [
      'ignore',
      process.env.BENCH_SERVICE_LOG ? openSync(process.env.BENCH_SERVICE_LOG, 'a') : 'ignore',
      'inherit',
    ],
  });
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`the service exited unasked: code ${code}, signal ${signal}`);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return {
          url,
          pid: child.pid as number,
          stop: () => {
            stopping = true;
            child.kill('SIGTERM');
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('the service did not answer /health within 60 s');
}

export async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** CPU seconds (user + system) a process has used so far; undefined where /proc is not there. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** The pid of a MariaDB/MySQL server on this machine, to charge its CPU to the requests. */
export function databasePid(): number | undefined {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (/^(mariadbd|mysqld)$/.test(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

export interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU milliseconds per answered request: req/s on a noisy machine moves, this moves less. */
  serviceCpuMs?: number;
  databaseCpuMs?: number;
}

/** Drives load with autocannon and keeps the figures that matter. */
export async function load(
  name: string,
  options: Options,
  processes: { service?: number; database?: number } = {},
): Promise<Figures> {
  const before = [cpuSeconds(processes.service), cpuSeconds(processes.database)];
  const result: Result = await autocannon({ connections: 10, duration: 10, ...options });
  const after = [cpuSeconds(processes.service), cpuSeconds(processes.database)];
  const perRequest = (i: number) => {
    const [b, a] = [before[i], after[i]];
    return a === undefined || b === undefined ? undefined : Math.round(((a - b) * 1e5) / result.requests.total) / 100;
  };
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    serviceCpuMs: perRequest(0),
    databaseCpuMs: perRequest(1),
  };
}

export function report(bench: string, command: string, figures: Figures[], notes: Record<string, unknown> = {}): void {
  const rows = figures.map((f) => ({
    case: f.name,
    'req/s': f.requestsPerSecond,
    'p50 ms': f.p50,
    'p99 ms': f.p99,
    ...(f.serviceCpuMs === undefined ? {} : { 'service CPU ms/req': f.serviceCpuMs }),
    ...(f.databaseCpuMs === undefined ? {} : { 'DB CPU ms/req': f.databaseCpuMs }),
    errors: f.errors + f.non2xx,
  }));
  console.table(rows);
  console.log(JSON.stringify({ bench, command, ...notes, figures }));
}
