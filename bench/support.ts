import autocannon, { Options, Result } from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
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
export async function startService(databaseUrl: string): Promise<{ url: string; stop: () => void }> {
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

export interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Drives load with autocannon and keeps the figures that matter. */
export async function load(name: string, options: Options): Promise<Figures> {
  const result: Result = await autocannon({ connections: 10, duration: 10, ...options });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function report(bench: string, command: string, figures: Figures[], notes: Record<string, unknown> = {}): void {
  const rows = figures.map((f) => ({
    case: f.name,
    'req/s': f.requestsPerSecond,
    'p50 ms': f.p50,
    'p99 ms': f.p99,
    errors: f.errors + f.non2xx,
  }));
  console.table(rows);
  console.log(JSON.stringify({ bench, command, ...notes, figures }));
}
