import { DataSource } from 'typeorm';
import {
  buildCatalog,
  CatalogAttribute,
  CiSearchOptions,
  compileCiSearch,
  facetValue,
  SearchCatalog,
} from '../../src/cmdb/search/ci-query-compiler';
import { dbDatetime, parseValueType, tableOf, ValueType } from '../../src/cmdb/ci/value-types';
import { parseQuery, withTypeFilter } from '../../src/cmdb/search/query-parser';
import { Dialect, valueKey } from '../../src/cmdb/search/search-sql';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { createTestDatabase, TestDatabase } from '../support/test-database';

type Value = string | number | string[] | Record<string, unknown>;

// Attributes: [name, value type code, is_list, is_index].
const ATTRIBUTES: [string, string, boolean, boolean][] = [
  ['hostname', '2', false, true],
  ['idc', '2', false, true],
  ['cpu', '0', false, true],
  ['mem', '1', false, false],
  ['born', '4', false, false],
  ['seen', '3', false, false],
  ['tags', '2', true, false],
  ['note', '2', false, false],
  ['start', '5', false, false],
  ['conf', '6', false, false],
];

// CIs in id order: [type, values].
const CIS: [string, Record<string, Value>][] = [
  [
    'server',
    { hostname: 'web-1', idc: 'nh', cpu: 4, mem: 8, born: '2020-01-01', tags: ['a', 'b'], note: 'rack 1, row 2' },
  ],
  ['server', { hostname: 'web-2', idc: 'oy', cpu: 8, mem: 16, born: '2020-12-31', tags: ['b', 'c'], start: '09:30' }],
  ['server', { hostname: 'web-10', idc: 'nh', cpu: 16, mem: 32, born: '2021-06-15', seen: '2024-05-01 10:15:00' }],
  ['server', { hostname: 'db-1', idc: 'nh', cpu: 16, mem: 64, born: '2021-01-01', tags: ['z'], conf: { a: 1 } }],
  ['server', { hostname: 'db-2', idc: 'oy', cpu: 32, mem: 8.5, born: '2022-03-01', seen: '2024-05-02 08:00:00' }],
  ['server', { hostname: 'WEB-3', idc: 'NH', cpu: 2, note: '50% off_sale' }],
  ['server', { hostname: 'web_4', tags: ['c'] }],
  ['server', { hostname: 'app-1' }],
  ['vm', { hostname: 'vm-1', idc: 'nh', cpu: 2, born: '2020-06-01' }],
  ['vm', { hostname: 'web-20', idc: 'oy', cpu: 4, tags: ['a'] }],
  ['vm', { hostname: 'vm-3' }],
  ['switch', { hostname: 'sw-1', idc: 'nh' }],
  // Filler, so the planner and the paging see more than a handful of rows.
  ...Array.from({ length: 24 }, (_, i): [string, Record<string, Value>] => [
    i % 3 === 2 ? 'vm' : 'server',
    { hostname: `fill-${String(i + 1).padStart(2, '0')}`, idc: 'gz', cpu: 1 + (i % 4), mem: 4 },
  ]),
  // A text value longer than the indexed key (191 characters).
  ['server', { hostname: 'fill-long', idc: 'gz', cpu: 1, mem: 4, note: `${'L'.repeat(195)}-end` }],
];

const TYPES = ['server', 'vm', 'switch'];

describe('compiled CI search SQL on a real database', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let dialect: Dialect;
  let catalog: SearchCatalog;
  const byName: Record<string, number> = {};
  const nameOf: Record<number, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({
      DATA_DIR: db.dataDir,
      DATABASE_URL: db.url,
      JWT_SECRET: 'jwt-secret-for-tests-only',
      SECRET_KEY: 'secret-key-for-tests-only',
    });
    // The service's own schema: every migration, as at start-up.
    ds = new DataSource(dataSourceOptions(config.database));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    dialect = config.database.type === 'sqlite' ? 'sqlite' : 'mysql';

    for (const [name, code, isList, isIndex] of ATTRIBUTES) {
      await ds.query('INSERT INTO ci_attributes (name, alias, value_type, is_list, is_index) VALUES (?, ?, ?, ?, ?)', [
        name,
        name.toUpperCase(),
        code,
        isList ? 1 : 0,
        isIndex ? 1 : 0,
      ]);
    }
    for (const name of TYPES) {
      await ds.query('INSERT INTO ci_types (name, alias, unique_id, enabled) VALUES (?, ?, 1, 1)', [
        name,
        `${name} alias`,
      ]);
    }
    // The catalog as the engine would build it: live attributes and types from their tables.
    const attrs: { id: number; name: string; alias: string; value_type: string; is_list: number; is_index: number }[] =
      await ds.query('SELECT id, name, alias, value_type, is_list, is_index FROM ci_attributes WHERE deleted = 0');
    const types: { id: number; name: string; alias: string }[] = await ds.query('SELECT id, name, alias FROM ci_types');
    const attributes: CatalogAttribute[] = attrs.map((a) => ({
      id: Number(a.id),
      name: a.name,
      alias: a.alias,
      valueType: parseValueType(a.value_type) ?? ValueType.TEXT,
      isList: Boolean(Number(a.is_list)),
      isIndex: Boolean(Number(a.is_index)),
    }));
    catalog = buildCatalog(
      attributes,
      types.map((t) => ({ ...t, id: Number(t.id) })),
    );
    const attrOf = (name: string) => attributes.find((a) => a.name === name) as CatalogAttribute;
    const typeId = (name: string) => Number(types.find((t) => t.name === name)?.id);

    await ds.query(
      `INSERT INTO cis (id, type_id) VALUES ${CIS.map(() => '(?, ?)').join(', ')}`,
      CIS.flatMap(([type], i) => [i + 1, typeId(type)]),
    );
    const rows: Record<string, unknown[][]> = { int: [], float: [], text: [], datetime: [], json: [] };
    CIS.forEach(([, values], i) => {
      const ciId = i + 1;
      byName[values.hostname as string] = ciId;
      nameOf[ciId] = values.hostname as string;
      for (const [name, value] of Object.entries(values)) {
        const a = attrOf(name);
        for (const v of Array.isArray(value) ? value : [value]) {
          switch (tableOf(a.valueType)) {
            case 'int':
            case 'float':
              rows[tableOf(a.valueType)].push([ciId, a.id, v]);
              break;
            case 'datetime': {
              const text = String(v).length === 10 ? `${String(v)} 00:00:00` : String(v);
              rows.datetime.push([ciId, a.id, dbDatetime(new Date(`${text.replace(' ', 'T')}Z`), dialect)]);
              break;
            }
            case 'json':
              rows.json.push([ciId, a.id, JSON.stringify(v)]);
              break;
            default:
              rows.text.push([ciId, a.id, v, valueKey(String(v))]);
          }
        }
      }
    });
    for (const [table, list] of Object.entries(rows)) {
      const cols = table === 'text' ? '(ci_id, attr_id, value, value_key)' : '(ci_id, attr_id, value)';
      const one = table === 'text' ? '(?, ?, ?, ?)' : '(?, ?, ?)';
      await ds.query(`INSERT INTO ci_values_${table} ${cols} VALUES ${list.map(() => one).join(', ')}`, list.flat());
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const run = async (q: string | string[], options: CiSearchOptions = {}) => {
    const c = compileCiSearch(parseQuery(q), catalog, dialect, { count: 200, ...options });
    const [{ numfound }] = await ds.query(c.countSql.text, [...c.countSql.params]);
    const page: { id: number; type_id: number }[] = await ds.query(c.pageSql.text, [...c.pageSql.params]);
    const facet: Record<string, unknown[][]> = {};
    for (const f of c.facets) {
      const rows: { value: unknown; ci_count: unknown }[] = await ds.query(f.sql.text, [...f.sql.params]);
      facet[f.key] = rows.map((r) => [facetValue(f.attribute.valueType, r.value), Number(r.ci_count), f.key]);
    }
    return { numfound: Number(numfound), names: page.map((r) => nameOf[Number(r.id)]), facet };
  };
  const names = async (q: string | string[], options: CiSearchOptions = {}) => (await run(q, options)).names;
  const servers = ['web-1', 'web-2', 'web-10', 'db-1', 'db-2', 'WEB-3', 'web_4', 'app-1'];
  const fillers = (type: string) =>
    CIS.filter(([t, v]) => t === type && String(v.hostname).startsWith('fill-')).map(([, v]) => v.hostname as string);

  describe('the reference examples', () => {
    it('_type:server → all servers', async () => {
      const r = await run('_type:server');
      expect(r.names).toEqual([...servers, ...fillers('server')]);
      expect(r.numfound).toBe(servers.length + fillers('server').length);
    });

    it('_type:(server;vm),idc:nh → servers and VMs in idc nh (any case)', async () => {
      expect(await names('_type:(server;vm),idc:nh')).toEqual(['web-1', 'web-10', 'db-1', 'WEB-3', 'vm-1']);
    });

    it('_type:server,hostname:web* → hostnames starting with web, any case', async () => {
      expect(await names('_type:server,hostname:web*')).toEqual(['web-1', 'web-2', 'web-10', 'WEB-3', 'web_4']);
    });

    it('_type:server,~hostname:web* → servers whose hostname does not start with web', async () => {
      expect(await names('_type:server,~hostname:web*')).toEqual(['db-1', 'db-2', 'app-1', ...fillers('server')]);
    });

    it('_type:server,hostname:db*,-hostname:web-2 → (db* ∪ web-2) ∩ server', async () => {
      expect(await names('_type:server,hostname:db*,-hostname:web-2')).toEqual(['web-2', 'db-1', 'db-2']);
    });

    it('_type:server,cpu:>8,hostname:db-1,-hostname:web-2 → ((cpu>8) ∩ db-1) ∪ web-2, then ∩ server', async () => {
      expect(await names('_type:server,cpu:>8,hostname:db-1,-hostname:web-2')).toEqual(['web-2', 'db-1']);
    });

    it('_type:server,hostname:(web-1;db-*) → IN, items may use *', async () => {
      expect(await names('_type:server,hostname:(web-1;db-*)')).toEqual(['web-1', 'db-1', 'db-2']);
      // Items are not trimmed: " db-*" looks for a leading space.
      expect(await names('_type:server,hostname:(web-1; db-*)')).toEqual(['web-1']);
    });

    it('_type:server,cpu:[4 _TO_ 16] → 4 ≤ cpu ≤ 16, numerically', async () => {
      expect(await names('_type:server,cpu:[4 _TO_ 16]')).toEqual([
        'web-1',
        'web-2',
        'web-10',
        'db-1',
        ...fillers('server').filter((n) => [4].includes(1 + ((Number(n.slice(5)) - 1) % 4))),
      ]);
    });

    it('_type:server,born:[2020-01-01 _TO_ 2021-12-31] → date range, inclusive', async () => {
      expect(await names('_type:server,born:[2020-01-01 _TO_ 2021-12-31]')).toEqual([
        'web-1',
        'web-2',
        'web-10',
        'db-1',
      ]);
      expect(await names('born:[2020-01-02 _TO_ 2020-12-31]')).toEqual(['web-2', 'vm-1']);
    });

    it('_type:server,mem:<=16,born:>=2021-01-01 → comparisons', async () => {
      expect(await names('_type:server,mem:<=16,born:>=2021-01-01')).toEqual(['db-2']);
      expect(await names('_type:server,mem:<=16,born:<2021-01-01')).toEqual(['web-1', 'web-2']);
    });

    it('_type:server,tags:b → multi-value: any element b', async () => {
      expect(await names('_type:server,tags:b')).toEqual(['web-1', 'web-2']);
      expect(await names('_type:(server;vm),~tags:a')).toEqual(
        [...servers, ...fillers('server'), 'vm-1', 'vm-3', ...fillers('vm')]
          .filter((n) => !['web-1'].includes(n))
          .sort((a, b) => byName[a] - byName[b]),
      );
    });

    it('_type:server,hostname:web-1,-~idc:nh → web-1 ∪ (idc ≠ nh)', async () => {
      // CIs without an idc have no value that differs from nh: they are not added.
      expect(await names('_type:server,hostname:web-1,-~idc:nh')).toEqual([
        'web-1',
        'web-2',
        'db-2',
        ...fillers('server'),
      ]);
    });

    it('["_type:server","note:rack 1, row 2"] → a comma inside a value (and \\, too)', async () => {
      expect(await names(['_type:server', 'note:rack 1, row 2'])).toEqual(['web-1']);
      expect(await names('["_type:server","note:rack 1, row 2"]')).toEqual(['web-1']);
      expect(await names('_type:server,note:rack 1\\, row 2')).toEqual(['web-1']);
    });

    it('_type:server,web-10 → bare word: any indexed value equals web-10', async () => {
      expect(await names('_type:server,web-10')).toEqual(['web-10']);
      expect(await names('web-*')).toEqual(['web-1', 'web-2', 'web-10', 'WEB-3', 'web-20']);
      // Numbers match indexed numeric attributes too (cpu), and text equal to the word.
      expect(await names('_type:(server;vm),32')).toEqual(['db-2']);
      expect(await names('OY')).toEqual(['web-2', 'db-2', 'web-20']);
    });

    it('_id:42 → that CI, as an ordinary filter', async () => {
      expect(await names(`_id:${byName['db-1']}`)).toEqual(['db-1']);
      expect(await names(`_id:(${byName['db-1']};${byName['vm-1']}),_type:server`)).toEqual(['db-1']);
      expect(await names('_id:4242')).toEqual([]);
    });
  });

  describe('the fold rules', () => {
    it('folds left to right without precedence: a,b,-c = (a ∩ b) ∪ c and a,-b,c = (a ∪ b) ∩ c', async () => {
      expect(await names('idc:nh,cpu:16,-hostname:vm-3')).toEqual(['web-10', 'db-1', 'vm-3']);
      expect(await names('idc:nh,-hostname:db-2,cpu:16')).toEqual(['web-10', 'db-1']);
      expect(await names('idc:nh,-idc:oy,~cpu:<=4')).toEqual(['web-2', 'web-10', 'db-1', 'db-2', 'sw-1']);
    });

    it("ignores the first term's own operator without a type base: a leading ~x means x", async () => {
      expect(await names('~hostname:db*')).toEqual(['db-1', 'db-2']);
      expect(await names('-hostname:db*,idc:oy')).toEqual(['db-2']);
    });

    it('starts from every CI of the type when a _type term leads and a NOT or OR follows', async () => {
      expect(await names('_type:vm,~hostname:vm*')).toEqual(['web-20', ...fillers('vm')]);
      expect(await names('hostname:vm*,_type:vm')).toEqual(['vm-1', 'vm-3']);
      expect(await names('_type:server,hostname:web*,~idc:nh')).toEqual(['web-2', 'web_4']);
    });

    it('keeps the type filter after an OR: _type:T,-x is T, never CIs of other types', async () => {
      expect(await names('_type:switch,-hostname:web-1')).toEqual(['sw-1']);
      expect(await names('_type:switch,idc:nh,-hostname:web-1')).toEqual(['sw-1']);
      expect(await names('type:switch,-hostname:web-1')).toEqual([]);
    });

    it('filters with type: and ci_type: where they stand, uniting every type named', async () => {
      expect(await names('hostname:web-2*,type:vm')).toEqual(['web-20']);
      expect(await names('hostname:web-2*,ci_type:(vm;server)')).toEqual(['web-2', 'web-20']);
    });

    it('finds nothing for an empty query', async () => {
      expect(await run('')).toMatchObject({ numfound: 0, names: [] });
    });
  });

  describe('values', () => {
    it('treats only * as a wildcard: %, _ and ! are literal', async () => {
      expect(await names('hostname:web_4')).toEqual(['web_4']);
      expect(await names('hostname:web_1')).toEqual([]);
      expect(await names('hostname:web%')).toEqual([]);
      expect(await names('note:50% off*')).toEqual(['WEB-3']);
      expect(await names('note:*off_*')).toEqual(['WEB-3']);
    });

    it('matches text longer than the indexed key exactly', async () => {
      const head = 'L'.repeat(195);
      expect(await names(`note:${head}-end`)).toEqual(['fill-long']);
      expect(await names(`note:${head}-nope`)).toEqual([]);
      expect(await names(`note:${'L'.repeat(191)}`)).toEqual([]);
      expect(await names(`note:${'L'.repeat(191)}*`)).toEqual(['fill-long']);
      expect(await names(`note:${'l'.repeat(150)}*end`)).toEqual(['fill-long']);
      expect(await names(`note:>=${head}-a,note:<=${head}-f`)).toEqual(['fill-long']);
      expect(await names(`note:>${head}-f,note:L*`)).toEqual([]);
    });

    it('matches dates over the whole day, by prefix, and datetimes to the minute', async () => {
      expect(await names('born:2021-01-01')).toEqual(['db-1']);
      expect(await names('born:2020*')).toEqual(['web-1', 'web-2', 'vm-1']);
      expect(await names('born:2020-12*')).toEqual(['web-2']);
      expect(await names('seen:2024-05-01')).toEqual(['web-10']);
      expect(await names('seen:2024-05-01 10:15')).toEqual(['web-10']);
      expect(await names('seen:>2024-05-01 10:15:00')).toEqual(['db-2']);
      expect(await names('seen:[2024-05-01 _TO_ 2024-05-02]')).toEqual(['web-10']);
    });

    it('compares floats, times and text in their own order', async () => {
      expect(await names('mem:8')).toEqual(['web-1']);
      expect(await names('mem:>8')).toEqual(['web-2', 'web-10', 'db-1', 'db-2']);
      expect(await names('start:>=09:00')).toEqual(['web-2']);
      expect(await names('hostname:[db-1 _TO_ db-9]')).toEqual(['db-1', 'db-2']);
      // String order: web-10 sorts before web-2.
      expect(await names('hostname:<web-2,hostname:web-1*')).toEqual(['web-1', 'web-10']);
      expect(await names('hostname:>web-1,hostname:web-2*')).toEqual(['web-2', 'web-20']);
    });

    it('finds CIs having any value with attr:*, JSON included', async () => {
      expect(await names('conf:*')).toEqual(['db-1']);
      expect(await names('_type:vm,born:*')).toEqual(['vm-1']);
      expect(await names('_type:server,~tags:*')).toEqual(['web-10', 'db-2', 'WEB-3', 'app-1', ...fillers('server')]);
    });
  });

  describe('sort, paging, facets', () => {
    it('sorts numbers numerically with CIs lacking the value last, both ways, CI id breaking ties', async () => {
      expect(await names('_type:server,hostname:(web*;db*;app*)', { sort: 'cpu' })).toEqual([
        'WEB-3',
        'web-1',
        'web-2',
        'web-10',
        'db-1',
        'db-2',
        'web_4',
        'app-1',
      ]);
      expect(await names('_type:server,hostname:(web*;db*;app*)', { sort: '-cpu' })).toEqual([
        'db-2',
        'web-10',
        'db-1',
        'web-2',
        'web-1',
        'WEB-3',
        'web_4',
        'app-1',
      ]);
    });

    it('sorts dates chronologically and text by collation', async () => {
      expect(await names('born:*', { sort: '+born' })).toEqual(['web-1', 'vm-1', 'web-2', 'db-1', 'web-10', 'db-2']);
      expect(await names('hostname:db*', { sort: '-hostname' })).toEqual(['db-2', 'db-1']);
      expect(await names('_id:*,_type:switch', { sort: '-_id' })).toEqual(['sw-1']);
    });

    it('sorts a multi-value attribute by its smallest value ascending and its largest descending, once per CI', async () => {
      const q = 'hostname:(web-1;web-2;db-1;web_4;web-20;app-1)';
      expect(await names(q, { sort: 'tags' })).toEqual(['web-1', 'web-20', 'web-2', 'web_4', 'db-1', 'app-1']);
      expect(await names(q, { sort: '-tags' })).toEqual(['db-1', 'web-2', 'web_4', 'web-1', 'web-20', 'app-1']);
    });

    it('pages the ordered match and counts it whole', async () => {
      const all = await names('_type:server', { sort: '-cpu' });
      const p1 = await run('_type:server', { sort: '-cpu', count: 5, page: 1 });
      const p3 = await run('_type:server', { sort: '-cpu', count: 5, page: 3 });
      expect(p1).toMatchObject({ numfound: all.length, names: all.slice(0, 5) });
      expect(p3.names).toEqual(all.slice(10, 15));
      expect((await run('_type:server', { count: 5, page: 99 })).names).toEqual([]);
    });

    it('counts distinct CIs per value over the whole match, multi-values once per distinct value, dates as rows show them', async () => {
      const r = await run('_type:(server;vm),hostname:(web*;db*)', { facet: ['idc', 'tags', 'born'], count: 2 });
      expect(r.names).toHaveLength(2);
      const sorted = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      // idc: nh and NH are one value under MySQL's collation, two under SQLite's binary grouping.
      const idc = r.facet.idc
        .map(([v, n]) => [String(v).toLowerCase(), n])
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      expect(idc).toEqual(
        dialect === 'mysql'
          ? [
              ['nh', 4],
              ['oy', 3],
            ]
          : [
              ['nh', 1],
              ['nh', 3],
              ['oy', 3],
            ],
      );
      expect(sorted(r.facet.tags)).toEqual([
        ['a', 2, 'tags'],
        ['b', 2, 'tags'],
        ['c', 2, 'tags'],
        ['z', 1, 'tags'],
      ]);
      expect(sorted(r.facet.born)).toEqual([
        ['2020-01-01', 1, 'born'],
        ['2020-12-31', 1, 'born'],
        ['2021-01-01', 1, 'born'],
        ['2021-06-15', 1, 'born'],
        ['2022-03-01', 1, 'born'],
      ]);
    });

    it('keys facets by alias or id per ret_key', async () => {
      const byAlias = await run('_type:switch', { facet: ['idc'], retKey: 'alias' });
      expect(byAlias.facet).toEqual({ IDC: [['nh', 1, 'IDC']] });
      const id = String(catalog.attribute('idc')?.id);
      expect((await run('_type:switch', { facet: ['idc'], retKey: 'id' })).facet).toEqual({ [id]: [['nh', 1, id]] });
    });

    it('restricts to given CI ids (relation search) and to permitted types', async () => {
      const ids = [byName['web-1'], byName['vm-1'], byName['sw-1']];
      expect(await names('idc:nh', { ciIds: ids })).toEqual(['web-1', 'vm-1', 'sw-1']);
      expect(await names('_type:(server;vm)', { ciIds: ids })).toEqual(['web-1', 'vm-1']);
      expect(await names('idc:nh', { ciIds: [] })).toEqual([]);
      // The relation search's recipe: the reachable types lead a query that names none.
      const related = compileCiSearch(withTypeFilter(parseQuery('~idc:oy'), ['vm', 'switch']), catalog, dialect, {
        ciIds: [byName['vm-1'], byName['web-20'], byName['sw-1'], byName['web-1']],
      });
      const rows: { id: number }[] = await ds.query(related.pageSql.text, [...related.pageSql.params]);
      expect(rows.map((r) => nameOf[Number(r.id)])).toEqual(['vm-1', 'sw-1']);
      const switchType = Number(catalog.type('switch')?.id);
      expect(await names('idc:nh', { allowedTypeIds: [switchType] })).toEqual(['sw-1']);
    });
  });
});
