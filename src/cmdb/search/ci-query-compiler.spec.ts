import { InvalidInputError } from '../../common/errors/domain-errors';
import {
  attributeKey,
  buildCatalog,
  CatalogAttribute,
  CiSearchOptions,
  compileCiSearch,
  facetValue,
} from './ci-query-compiler';
import { parseValueType, ValueType } from '../ci/value-types';
import { parseQuery } from './query-parser';
import { Dialect } from './search-sql';

const attr = (id: number, name: string, valueType: string, extra: Partial<CatalogAttribute> = {}) => ({
  id,
  name,
  alias: name,
  valueType: parseValueType(valueType) as ValueType,
  isList: false,
  isIndex: false,
  ...extra,
});

const CATALOG = buildCatalog(
  [
    attr(1, 'hostname', 'text', { isIndex: true, alias: '主机名' }),
    attr(2, 'idc', 'text', { isIndex: true }),
    attr(3, 'cpu', 'int', { isIndex: true }),
    attr(4, 'mem', 'float'),
    attr(5, 'born', 'date'),
    attr(6, 'seen', 'datetime', { isIndex: true }),
    attr(7, 'tags', 'text', { isList: true }),
    attr(8, 'note', 'text'),
    attr(9, 'start', 'time'),
    attr(10, 'conf', 'json'),
    attr(11, '12', 'text', { alias: 'twelve' }),
  ],
  [
    { id: 1, name: 'server', alias: 'Server' },
    { id: 2, name: 'vm', alias: 'virtual machine' },
    { id: 3, name: 'switch', alias: 'sw' },
  ],
);

const compile = (q: string | string[], dialect: Dialect = 'mysql', options: CiSearchOptions = {}) =>
  compileCiSearch(parseQuery(q), CATALOG, dialect, options);

function refusal(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidInputError) return e;
    throw e;
  }
  throw new Error('accepted');
}

/** The examples of the search language's reference (§4.8), plus each fold rule. */
const EXAMPLES: (string | string[])[] = [
  '_type:server',
  '_type:(server;vm),idc:nh',
  '_type:server,hostname:web*',
  '_type:server,~hostname:web*',
  '_type:server,hostname:db*,-hostname:web-2',
  '_type:server,cpu:>8,hostname:db-1,-hostname:web-2',
  '_type:server,hostname:(web-1;db-*)',
  '_type:server,cpu:[4 _TO_ 16]',
  '_type:server,born:[2020-01-01 _TO_ 2021-12-31]',
  '_type:server,mem:<=16,born:>=2021-01-01',
  '_type:server,tags:b',
  '_type:server,hostname:web-1,-~idc:nh',
  ['_type:server', 'note:rack 1, row 2'],
  '_type:server,web-10',
  '_id:42',
  '_id:(1;2),~hostname:a*',
  'hostname:a,hostname:b,-hostname:c',
  'hostname:a,-hostname:b,hostname:c',
  '_type:server,-hostname:x',
  'seen:2024-05-01,start:>=09:30,conf:*',
  'born:2020-05*,seen:2024-05-01 10:*',
];

describe('compileCiSearch', () => {
  describe.each(['mysql', 'sqlite'] as const)('SQL on %s', (dialect) => {
    it.each(EXAMPLES.map((q) => [JSON.stringify(q), q]))('%s', (_label, q) => {
      const c = compile(q, dialect);
      expect({ count: c.countSql, page: c.pageSql }).toMatchSnapshot();
    });

    it('sorts by a value with CIs lacking it last, facets over the whole match, restricts ids and types', () => {
      const c = compile('_type:server,idc:nh', dialect, {
        sort: '-cpu',
        facet: ['idc', 'born'],
        page: 3,
        count: 20,
        ciIds: [5, 6, 7],
        allowedTypeIds: [1, 2],
      });
      expect({ count: c.countSql, page: c.pageSql, facets: c.facets.map((f) => f.sql) }).toMatchSnapshot();
    });
  });

  it('escapes % _ and ! and cuts the indexed key to 191 characters', () => {
    const long = 'x'.repeat(200);
    const { params } = compile(`note:50%_off!,note:${long}*`).countSql;
    // The key alone decides equality and short prefixes; longer literals and inner wildcards check the value too.
    expect(params).toEqual([8, '50!%!_off!!', 8, 'x'.repeat(191) + '%', long + '%']);
    expect(compile('note:rack*row 2').countSql.params).toEqual([8, 'rack%', 'rack%row 2']);
  });

  it('binds datetimes as each dialect stores them; a date equality spans the whole day', () => {
    expect(compile('born:2020-01-31', 'mysql').countSql.params).toEqual([
      5,
      '2020-01-31 00:00:00',
      '2020-02-01 00:00:00',
    ]);
    expect(compile('born:2020-01-31', 'sqlite').countSql.params).toEqual([
      5,
      '2020-01-31 00:00:00.000',
      '2020-02-01 00:00:00.000',
    ]);
    expect(compile('seen:2020-12-31 23:59').countSql.params).toEqual([6, '2020-12-31 23:59:00', '2021-01-01 00:00:00']);
    expect(compile('born:2020*').countSql.params).toEqual([5, '2020-01-01 00:00:00', '2021-01-01 00:00:00']);
  });

  it('resolves attributes by name, then id, then alias, and types the same way, case-insensitively', () => {
    expect(compile('HOSTNAME:a').countSql.params[0]).toBe(1);
    expect(compile('3:4').countSql.params[0]).toBe(3);
    expect(compile('主机名:a').countSql.params[0]).toBe(1);
    // A name that looks like an id wins over the id.
    expect(compile('12:a').countSql.params[0]).toBe(11);
    expect(compile('twelve:a').countSql.params[0]).toBe(11);
    expect(compile('_type:(SERVER;2;sw)').countSql.params).toEqual([1, 2, 3]);
  });

  it('reads an empty query as matching nothing', () => {
    expect(compile('').countSql.text).toBe('SELECT COUNT(*) AS numfound FROM cis c WHERE 1=0');
  });

  it('searches bare words over indexed attributes: text always, numbers and dates when the word is one', () => {
    const text = (q: string) => compile(q).countSql.text;
    expect(text('web')).not.toMatch(/ci_values_int|ci_values_datetime/);
    expect(text('42')).toMatch(/ci_values_int/);
    expect(text('42')).not.toMatch(/ci_values_float/); // no indexed float attribute
    expect(text('2024-05-01')).toMatch(/ci_values_datetime/);
    expect(compile('42').countSql.params).toEqual([1, 2, '42', 3, 42]);
    expect(compileCiSearch(parseQuery('web'), buildCatalog([], []), 'mysql').countSql.text).toBe(
      'SELECT COUNT(*) AS numfound FROM cis c WHERE 1=0',
    );
  });

  it('names fields and facet keys per ret_key, and ignores _id/_type in fl', () => {
    const c = compile('_type:server', 'mysql', { fl: ['_id', 'HOSTNAME', 'cpu', 'hostname', '_type'], retKey: 'id' });
    expect(c.fields?.map((f) => f.name)).toEqual(['hostname', 'cpu']);
    expect(c.retKey).toBe('id');
    expect(compile('_type:server', 'mysql', { facet: ['主机名'], retKey: 'alias' }).facets[0].key).toBe('主机名');
    expect(compile('_type:server', 'mysql', { retKey: 'nonsense' }).retKey).toBe('name');
    expect(compile('_type:server').fields).toBeNull();
    expect(attributeKey(attr(7, 'tags', 'text'), 'id')).toBe('7');
  });

  it('refuses unknown attributes and types in q, naming the term and its position', () => {
    expect(refusal(() => compile('_type:server,owner:bob'))).toMatchObject({
      field: 'q',
      reason: 'unknown_attribute',
      message: 'q: position 14 (1-based): owner:bob: unknown attribute "owner"',
    });
    expect(refusal(() => compile('_type:(server;router)'))).toMatchObject({
      reason: 'unknown_type',
      message: 'q: position 7 (1-based): _type:(server;router): unknown CI type "router"',
    });
    expect(refusal(() => compile(':x')).message).toBe('q: position 1 (1-based): a key is missing before ":"');
  });

  it('refuses values of the wrong type for the attribute', () => {
    const message = (q: string) => refusal(() => compile(q)).message;
    expect(message('cpu:four')).toBe('q: position 5 (1-based): cpu:four: "four" is not a whole number (cpu is int)');
    expect(message('cpu:4.5')).toMatch(/"4.5" is not a whole number/);
    expect(message('cpu:[1 _TO_ x]')).toMatch(/"x" is not a whole number/);
    expect(message('cpu:1*')).toMatch(/takes no wildcard but "\*" alone/);
    expect(message('mem:>lots')).toMatch(/"lots" is not a number \(mem is float\)/);
    expect(message('born:2020-02-30')).toMatch(/"2020-02-30" is not a date \(YYYY-MM-DD\)/);
    expect(message('born:2020-02-01 10:00')).toMatch(/is not a date \(YYYY-MM-DD\)/);
    expect(message('seen:yesterday')).toMatch(/"yesterday" is not a date or time/);
    expect(message('seen:2020*-01')).toMatch(/"\*" only at the end/);
    expect(message('start:9am')).toMatch(/"9am" is not a time/);
    expect(message('conf:{}')).toMatch(/conf holds JSON/);
    expect(message('_id:abc')).toMatch(/"abc" is not a CI id/);
  });

  it('refuses unknown or unusable sort, fl and facet attributes, and bad paging', () => {
    expect(refusal(() => compile('cpu:1', 'mysql', { sort: '-owner' }))).toMatchObject({ field: 'sort' });
    expect(refusal(() => compile('cpu:1', 'mysql', { sort: 'conf' }))).toMatchObject({ field: 'sort' });
    expect(refusal(() => compile('cpu:1', 'mysql', { fl: ['hostname', 'owner'] }))).toMatchObject({
      field: 'fl',
      message: 'fl: unknown attribute "owner"',
    });
    expect(refusal(() => compile('cpu:1', 'mysql', { facet: ['owner'] }))).toMatchObject({ field: 'facet' });
    expect(refusal(() => compile('cpu:1', 'mysql', { facet: ['conf'] }))).toMatchObject({ field: 'facet' });
    expect(refusal(() => compile('cpu:1', 'mysql', { page: 0 }))).toMatchObject({ field: 'page' });
    expect(refusal(() => compile('cpu:1', 'mysql', { count: 201 }))).toMatchObject({ field: 'count' });
    expect(refusal(() => compile('cpu:1', 'mysql', { count: 1.5 }))).toMatchObject({ field: 'count' });
  });
});

describe('facetValue', () => {
  it('shows stored values as rows do, whichever driver read them', () => {
    expect(facetValue(ValueType.INT, '9007199254740991')).toBe(9007199254740991);
    expect(facetValue(ValueType.FLOAT, 8.5)).toBe(8.5);
    expect(facetValue(ValueType.DATE, new Date(Date.UTC(2020, 0, 31)))).toBe('2020-01-31');
    expect(facetValue(ValueType.DATE, '2020-01-31 00:00:00.000')).toBe('2020-01-31');
    expect(facetValue(ValueType.DATETIME, new Date(Date.UTC(2020, 0, 31, 10, 5, 7, 120)))).toBe('2020-01-31 10:05:07');
    expect(facetValue(ValueType.DATETIME, '2020-01-31 10:05:07.120')).toBe('2020-01-31 10:05:07');
    expect(facetValue(ValueType.JSON, '{"a":[1]}')).toEqual({ a: [1] });
    expect(facetValue(ValueType.TEXT, 'web-1')).toBe('web-1');
    expect(facetValue(ValueType.TIME, null)).toBeNull();
  });
});
