// The CI search SQL on MariaDB at scale: seeds CIS CIs of 3 types with ~15 attributes
// each, then times count + page (+ value load) and facets, and prints the plans.
//   BENCH_CIS=100000 npm run bench -- ci-search-sql     (BENCH_RELOAD=1 to reseed)
import { Connection, createConnection } from 'mysql2/promise';
import { buildCatalog, CatalogAttribute, CiSearchOptions, compileCiSearch } from '../src/cmdb/search/ci-query-compiler';
import { dbDatetime, parseValueType, ValueType } from '../src/cmdb/ci/value-types';
import { parseQuery } from '../src/cmdb/search/query-parser';
import { Sql, valueKey } from '../src/cmdb/search/search-sql';
import { loadDatabaseConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { DataSource } from 'typeorm';
import { freshDatabase } from './support';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306';
const CIS = Number(process.env.BENCH_CIS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const COMMAND = `BENCH_CIS=${CIS} npm run bench -- ci-search-sql`;

type Gen = (i: number, r: () => number) => string | number | string[];
const pick = <T>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length)];
const DAY = 86_400_000;

// [name, value type code, is_list, is_index, types having it, value]
const ATTRIBUTES: [string, string, boolean, boolean, string[], Gen][] = [
  ['hostname', '2', false, true, ['server', 'vm', 'switch'], (i, r) => hostname(i, r)],
  [
    'private_ip',
    '2',
    false,
    true,
    ['server', 'vm', 'switch'],
    (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  ],
  ['idc', '2', false, true, ['server', 'vm', 'switch'], (_i, r) => pick(['nh', 'oy', 'gz', 'bj', 'sh', 'sz'], r)],
  [
    'os',
    '2',
    false,
    false,
    ['server', 'vm'],
    (_i, r) => pick(['centos7', 'ubuntu22', 'debian12', 'rocky9', 'win2019'], r),
  ],
  ['env', '2', false, false, ['server', 'vm', 'switch'], (_i, r) => (r() < 0.6 ? 'prod' : pick(['staging', 'dev'], r))],
  ['state', '2', false, false, ['server', 'vm', 'switch'], (_i, r) => pick(['online', 'offline', 'maintenance'], r)],
  ['owner', '2', false, false, ['server', 'vm', 'switch'], (_i, r) => `team-${1 + Math.floor(r() * 20)}`],
  ['cpu', '0', false, true, ['server', 'vm'], (_i, r) => pick([1, 2, 4, 8, 16, 32, 64], r)],
  ['memory', '0', false, false, ['server', 'vm'], (_i, r) => pick([1, 2, 4, 8, 16, 32, 64, 128, 256], r) * 1024],
  ['disk', '0', false, false, ['server', 'vm'], (_i, r) => 100 * (1 + Math.floor(r() * 20))],
  ['price', '1', false, false, ['server'], (_i, r) => Math.round(r() * 1_000_000) / 100],
  [
    'born',
    '4',
    false,
    false,
    ['server', 'vm', 'switch'],
    (_i, r) => Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * DAY,
  ],
  [
    'seen',
    '3',
    false,
    false,
    ['server', 'vm', 'switch'],
    (_i, r) => Date.UTC(2024, 0, 1) + Math.floor(r() * 365 * DAY),
  ],
  [
    'tags',
    '2',
    true,
    false,
    ['server', 'vm'],
    (_i, r) => ['a', 'b', 'c'].slice(0, 1 + Math.floor(r() * 3)).map(() => `tag-${pick([...'abcdefghij'], r)}`),
  ],
  [
    'note',
    '2',
    false,
    false,
    ['server', 'switch'],
    (i, r) => `rack ${i % 40}, row ${Math.floor(r() * 12)}: ${pick(['spare', 'primary', 'replica', 'edge'], r)} unit`,
  ],
];
const TYPES = ['server', 'vm', 'switch'];

function typeOf(i: number): string {
  const k = i % 20;
  return k < 10 ? 'server' : k < 17 ? 'vm' : 'switch';
}

function hostname(i: number, _r: () => number): string {
  const t = typeOf(i);
  return t === 'server' ? `${i % 2 === 0 ? 'web' : 'db'}-${i}` : t === 'vm' ? `vm-${i}` : `sw-${i}`;
}

/** Deterministic: the same data on every reseed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The service's own schema: every migration, as at start-up. */
async function migrate(url: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(loadDatabaseConfig({ DATABASE_URL: url })));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}

async function seed(c: Connection): Promise<void> {
  for (const [name, code, isList, isIndex] of ATTRIBUTES) {
    await c.query('INSERT INTO ci_attributes (name, alias, value_type, is_list, is_index) VALUES (?, ?, ?, ?, ?)', [
      name,
      name,
      code,
      isList,
      isIndex,
    ]);
  }
  for (const t of TYPES)
    await c.query('INSERT INTO ci_types (name, alias, unique_id, enabled) VALUES (?, ?, 1, 1)', [t, t]);
  const r = random(42);
  const CHUNK = 5000;
  for (let from = 1; from <= CIS; from += CHUNK) {
    const to = Math.min(CIS, from + CHUNK - 1);
    const cis: number[][] = [];
    const rows: Record<string, unknown[][]> = { int: [], float: [], text: [], datetime: [] };
    for (let i = from; i <= to; i++) {
      const type = typeOf(i);
      cis.push([i, TYPES.indexOf(type) + 1]);
      ATTRIBUTES.forEach(([, code, , , types, gen], k) => {
        if (!types.includes(type)) return;
        const attrId = k + 1;
        const value = gen(i, r);
        for (const v of Array.isArray(value) ? [...new Set(value)] : [value]) {
          if (code === '0') rows.int.push([i, attrId, v]);
          else if (code === '1') rows.float.push([i, attrId, v]);
          else if (code === '3' || code === '4')
            rows.datetime.push([i, attrId, dbDatetime(new Date(Number(v)), 'mysql')]);
          else rows.text.push([i, attrId, v, valueKey(String(v))]);
        }
      });
    }
    await c.query('INSERT INTO cis (id, type_id) VALUES ?', [cis]);
    for (const [table, list] of Object.entries(rows)) {
      const cols = table === 'text' ? '(ci_id, attr_id, value, value_key)' : '(ci_id, attr_id, value)';
      if (list.length) await c.query(`INSERT INTO ci_values_${table} ${cols} VALUES ?`, [list]);
    }
    if (to % 100_000 === 0 || to === CIS) process.stderr.write(`seeded ${to} CIs\n`);
  }
  for (const t of ['cis', 'ci_values_int', 'ci_values_float', 'ci_values_text', 'ci_values_datetime']) {
    await c.query(`ANALYZE TABLE ${t}`);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

async function query(c: Connection, s: Sql): Promise<Record<string, unknown>[]> {
  const [rows] = await c.query(s.text, [...s.params]);
  return rows as Record<string, unknown>[];
}

/** The page's values, one query per value table. */
async function loadValues(c: Connection, page: Record<string, unknown>[]): Promise<void> {
  const ids = page.map((p) => Number(p.id));
  if (!ids.length) return;
  for (const t of ['int', 'float', 'text', 'datetime', 'json']) {
    await c.query(`SELECT ci_id, attr_id, value FROM ci_values_${t} WHERE ci_id IN (?)`, [ids]);
  }
}

/**
 * What the endpoint runs: count, the page and the page's values, then the facets
 * when something matched. `both`: a second connection runs the page and its
 * values while the first counts (the pool has more than one connection).
 */
async function search(c: Connection, other: Connection | null, s: ReturnType<typeof compileCiSearch>) {
  let numfound: number;
  if (other) {
    const [[{ numfound: n }]] = await Promise.all([
      query(c, s.countSql),
      query(other, s.pageSql).then((page) => loadValues(other, page)),
    ]);
    numfound = Number(n);
  } else {
    numfound = Number((await query(c, s.countSql))[0].numfound);
    await loadValues(c, await query(c, s.pageSql));
  }
  if (numfound > 0) for (const f of s.facets) await query(c, f.sql);
  return numfound;
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

export async function run(): Promise<void> {
  const name = `search_bench_${CIS}`;
  const base = new URL(SERVER);
  base.pathname = '/';
  const admin = await createConnection({ uri: base.toString() });
  const [existing] = (await admin.query(
    'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
    [name, 'cis'],
  )) as unknown as [{ n: number }[]];
  await admin.end();
  let url: string;
  let c: Connection;
  let reuse = !process.env.BENCH_RELOAD && Number(existing[0].n) === 1;
  if (reuse) {
    const u = new URL(base.toString());
    u.pathname = `/${name}`;
    url = u.toString();
    c = await createConnection({ uri: url, charset: 'utf8mb4_unicode_ci', timezone: 'Z' });
    const [[{ n }]] = (await c.query('SELECT COUNT(*) AS n FROM cis')) as unknown as [{ n: number }[]];
    reuse = Number(n) === CIS;
    if (!reuse) await c.end();
  }
  if (!reuse) {
    url = await freshDatabase(SERVER, name);
    await migrate(url);
    c = await createConnection({ uri: url, charset: 'utf8mb4_unicode_ci', timezone: 'Z' });
    const t0 = Date.now();
    await seed(c);
    process.stderr.write(`seeded in ${Math.round((Date.now() - t0) / 1000)} s\n`);
  }
  c = c!;
  const c2 = await createConnection({ uri: url!, charset: 'utf8mb4_unicode_ci', timezone: 'Z' });
  const [[{ rows }]] = (await c.query(
    `SELECT (SELECT COUNT(*) FROM ci_values_int) + (SELECT COUNT(*) FROM ci_values_float) + (SELECT COUNT(*) FROM ci_values_text) + (SELECT COUNT(*) FROM ci_values_datetime) AS \`rows\``,
  )) as unknown as [{ rows: number }[]];

  const attrs = (
    await query(c, { text: 'SELECT id, name, alias, value_type, is_list, is_index FROM ci_attributes', params: [] })
  ).map((a): CatalogAttribute => ({
    id: Number(a.id),
    name: String(a.name),
    alias: String(a.alias),
    valueType: parseValueType(String(a.value_type)) ?? ValueType.TEXT,
    isList: Boolean(a.is_list),
    isIndex: Boolean(a.is_index),
  }));
  const types = (await query(c, { text: 'SELECT id, name, alias FROM ci_types', params: [] })).map((t) => ({
    id: Number(t.id),
    name: String(t.name),
    alias: String(t.alias),
  }));
  const catalog = buildCatalog(attrs, types);
  const compile = (q: string, options: CiSearchOptions = {}) =>
    compileCiSearch(parseQuery(q), catalog, 'mysql', options);

  const cases: { name: string; q: string; options?: CiSearchOptions; target?: number }[] = [
    { name: 'pattern: hostname:web-1*', q: 'hostname:web-1*', target: 20 },
    { name: '3-term AND with a range', q: 'cpu:[8 _TO_ 32],env:prod,idc:nh', target: 50 },
    { name: 'type + 3-term AND with a range', q: '_type:server,cpu:[8 _TO_ 32],env:prod,idc:nh' },
    { name: 'OR and NOT', q: '_type:(server;vm),idc:nh,-idc:oy,~env:dev' },
    { name: 'bare word', q: 'web-12346' },
    { name: 'sort by memory desc', q: '_type:server,idc:nh', options: { sort: '-memory' } },
    {
      name: 'facet idc+env, whole match',
      q: '_type:(server;vm;switch)',
      options: { facet: ['idc', 'env'] },
      target: 200,
    },
    { name: 'facet tags (multi-value), servers', q: '_type:server', options: { facet: ['tags'] } },
  ];
  const figures: Record<string, unknown>[] = [];
  for (const k of cases) {
    const compiled = compile(k.q, { count: 50, ...k.options });
    let numfound = 0;
    const ms = await time(async () => {
      numfound = await search(c, null, compiled);
    });
    const parallel = await time(() => search(c, c2, compiled));
    const facetOnly = compiled.facets.length
      ? await time(() => Promise.all(compiled.facets.map((f) => query(c, f.sql))))
      : [];
    figures.push({
      case: k.name,
      q: k.q,
      numfound,
      'p50 ms': +median(ms).toFixed(1),
      'p95 ms': +percentile(ms, 95).toFixed(1),
      'p50 ms, count ∥ page': +median(parallel).toFixed(1),
      ...(compiled.facets.length ? { 'facet p50 ms': +median(facetOnly).toFixed(1) } : {}),
      ...(k.target ? { 'target ms': k.target } : {}),
    });
  }

  console.log(`\nEXPLAIN (MariaDB, ${CIS} CIs, ${rows} value rows)`);
  for (const [label, s] of [
    ['hostname:web-1* count', compile('hostname:web-1*').countSql],
    ['hostname:web-1* page', compile('hostname:web-1*').pageSql],
    ['3-term AND count', compile('cpu:[8 _TO_ 32],env:prod,idc:nh').countSql],
    ['3-term AND page', compile('cpu:[8 _TO_ 32],env:prod,idc:nh').pageSql],
    ['facet idc', compile('_type:(server;vm;switch)', { facet: ['idc'] }).facets[0].sql],
  ] as const) {
    console.log(`-- ${label}`);
    const plan = await query(c, { text: `EXPLAIN ${s.text}`, params: s.params });
    console.table(
      plan.map((p) => ({
        id: p.id,
        type: p.select_type,
        table: p.table,
        access: p.type,
        key: p.key,
        key_len: p.key_len,
        rows: p.rows,
        extra: p.Extra,
      })),
    );
  }
  await c.end();
  await c2.end();
  console.table(figures);
  console.log(
    JSON.stringify({
      bench: 'ci-search-sql',
      command: COMMAND,
      cis: CIS,
      valueRows: Number(rows),
      runs: RUNS,
      figures,
    }),
  );
}
