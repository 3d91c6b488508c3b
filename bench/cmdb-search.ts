// The CMDB through its REST API on MariaDB: 3 CI types x 15 attributes configured over
// /cmdb/api/v0.1, BENCH_CIS CIs (default 100,000) loaded through POST /ci/batch (1,000 a
// request, 2 in flight), ANALYZE, then sequential timed requests against /ci/s.
//   npm run build && npm run bench -- cmdb-search
//   npm run build && BENCH_CIS=1000000 npm run bench -- cmdb-search
import { createConnection } from 'mysql2/promise';
import { freshDatabase, login, startService } from './support';

const CIS = Number(process.env.BENCH_CIS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);
const BATCH = 1000;
const IN_FLIGHT = 2;
const COMMAND = `npm run build && ${CIS === 100_000 ? '' : `BENCH_CIS=${CIS} `}npm run bench -- cmdb-search`;
const API = '/cmdb/api/v0.1';

type Value = string | number | string[];

/** A small deterministic generator, so every run loads the same CIs. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length)];
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const time = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

// [attribute, value type, is_list, is_index, value of CI i]
const ATTRIBUTES: [string, string, boolean, boolean, (i: number, prefix: string, r: () => number) => Value][] = [
  ['hostname', 'text', false, true, (i, prefix) => `${prefix}-${i}`],
  ['private_ip', 'text', false, true, (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`],
  ['idc', 'text', false, true, (_i, _p, r) => pick(['nh', 'oy', 'gz', 'bj', 'sh', 'sz'], r)],
  ['os', 'text', false, false, (_i, _p, r) => pick(['centos7', 'ubuntu22', 'debian12', 'rocky9', 'win2019'], r)],
  ['env', 'text', false, false, (_i, _p, r) => (r() < 0.6 ? 'prod' : pick(['staging', 'dev'], r))],
  ['state', 'text', false, false, (_i, _p, r) => pick(['online', 'offline', 'maintenance'], r)],
  ['owner', 'text', false, false, (_i, _p, r) => `team-${1 + Math.floor(r() * 20)}`],
  ['rack', 'text', false, false, (_i, _p, r) => `R${Math.floor(r() * 400)}`],
  ['cpu', 'int', false, true, (_i, _p, r) => pick([1, 2, 4, 8, 16, 32, 64], r)],
  ['memory', 'int', false, false, (_i, _p, r) => pick([1, 2, 4, 8, 16, 32, 64, 128], r) * 1024],
  ['disk', 'int', false, false, (_i, _p, r) => 100 * (1 + Math.floor(r() * 20))],
  ['price', 'float', false, false, (_i, _p, r) => Math.round(r() * 1_000_000) / 100],
  ['born', 'date', false, false, (_i, _p, r) => day(Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * DAY)],
  ['seen', 'datetime', false, false, (_i, _p, r) => time(Date.UTC(2024, 0, 1) + Math.floor(r() * 365 * DAY))],
  ['tags', 'text', true, false, (_i, _p, r) => [`tag-${pick([...'abcdefghij'], r)}`, `tag-${pick([...'klmnop'], r)}`]],
];

const TYPES: [string, string][] = [
  ['server', 'web'],
  ['vm', 'vm'],
  ['switch', 'sw'],
];

interface Timing {
  case: string;
  query: string;
  numfound: number;
  samples: number;
  p50: number;
  p99: number;
  mean: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function run(): Promise<void> {
  const server = process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306';
  const databaseUrl = await freshDatabase(server, 'cmdb_bench_search');
  const service = await startService(databaseUrl);
  try {
    const token = await login(service.url);
    const call = async (method: string, path: string, body?: object) => {
      const res = await fetch(`${service.url}${API}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      return json;
    };

    // Configuration through the API.
    const attrIds: number[] = [];
    for (const [name, valueType, isList, isIndex] of ATTRIBUTES) {
      const res = await call('POST', '/attributes', {
        name,
        value_type: valueType,
        is_list: isList,
        is_index: isIndex,
      });
      attrIds.push(res.attr_id as number);
    }
    for (const [name] of TYPES) {
      const type = await call('POST', '/ci_types', { name, unique_key: 'hostname' });
      await call('POST', `/ci_types/${type.type_id as number}/attributes`, { attr_id: attrIds.slice(1) });
    }

    // CIs through the API: batches of 1,000 of one type, two requests in flight.
    const r = random(42);
    const batches: { type: string; cis: Record<string, Value>[] }[] = [];
    for (let start = 0; start < CIS; start += BATCH) {
      const [type, prefix] = TYPES[(start / BATCH) % TYPES.length];
      const cis = Array.from({ length: Math.min(BATCH, CIS - start) }, (_, k) => {
        const i = start + k;
        return Object.fromEntries(ATTRIBUTES.map(([name, , , , value]) => [name, value(i, prefix, r)]));
      });
      batches.push({ type, cis });
    }
    const loadStarted = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        await call('POST', '/ci/batch', { ci_type: batch.type, cis: batch.cis });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    const db = await createConnection({ uri: databaseUrl });
    for (const table of ['cis', 'ci_values_text', 'ci_values_int', 'ci_values_float', 'ci_values_datetime']) {
      await db.query(`ANALYZE TABLE ${table}`);
    }
    await db.end();

    const cases: [string, string][] = [
      ['prefix: hostname:web-1*', 'q=hostname:web-1*'],
      ['3-term AND with a range', 'q=_type:server,idc:nh,cpu:[4 _TO_ 16]'],
      ['facet over every CI', 'q=_type:(server;vm;switch)&facet=idc&count=1'],
      ['facet over the servers', 'q=_type:server&facet=idc&count=1'],
      ['sorted page: -cpu', 'q=_type:vm,env:prod&sort=-cpu'],
    ];
    const timings: Timing[] = [];
    for (const [name, query] of cases) {
      const url = `${service.url}${API}/ci/s?${query.replace(/[[\] ;()]/g, encodeURIComponent)}`;
      const get = async () => {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (!res.ok) throw new Error(`${query}: ${res.status} ${await res.text()}`);
        return (await res.json()) as { numfound: number };
      };
      for (let i = 0; i < 5; i++) await get(); // warm up
      const ms: number[] = [];
      let numfound = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const started = process.hrtime.bigint();
        numfound = (await get()).numfound;
        ms.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      ms.sort((a, b) => a - b);
      const round = (x: number) => Math.round(x * 10) / 10;
      timings.push({
        case: name,
        query,
        numfound,
        samples: SAMPLES,
        p50: round(percentile(ms, 50)),
        p99: round(percentile(ms, 99)),
        mean: round(ms.reduce((a, b) => a + b, 0) / ms.length),
      });
    }

    console.table([
      {
        case: `bulk load of ${CIS} CIs (POST /ci/batch)`,
        seconds: loadSeconds,
        'CIs/s': Math.round(CIS / loadSeconds),
      },
    ]);
    console.table(
      timings.map((t) => ({ case: t.case, numfound: t.numfound, 'p50 ms': t.p50, 'p99 ms': t.p99, 'mean ms': t.mean })),
    );
    console.log(
      JSON.stringify({
        bench: 'cmdb-search',
        command: COMMAND,
        database: 'MariaDB',
        cis: CIS,
        attributes: ATTRIBUTES.length,
        types: TYPES.length,
        load: { seconds: loadSeconds, cisPerSecond: Math.round(CIS / loadSeconds), batch: BATCH, inFlight: IN_FLIGHT },
        searches: timings,
      }),
    );
    console.log(`command: ${COMMAND}`);
  } finally {
    service.stop();
  }
}
