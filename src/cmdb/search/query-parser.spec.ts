import { InvalidInputError } from '../../common/errors/domain-errors';
import { parseQuery, Term, withTypeFilter } from './query-parser';

const brief = (t: Term) => ({ op: t.op, key: t.key, value: t.value });

function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidInputError) return e;
    throw e;
  }
  throw new Error('expected an InvalidInputError');
}

describe('parseQuery', () => {
  it('splits terms on every comma, drops empty ones and trims key and value', () => {
    const q = parseQuery(' hostname : web-1 ,, idc:nh ,');
    expect(q.terms.map(brief)).toEqual([
      { op: 'and', key: { kind: 'attribute', name: 'hostname' }, value: { form: 'eq', pattern: 'web-1' } },
      { op: 'and', key: { kind: 'attribute', name: 'idc' }, value: { form: 'eq', pattern: 'nh' } },
    ]);
  });

  it('reads an empty query as no terms at all', () => {
    expect(parseQuery('')).toMatchObject({ terms: [], steps: [], types: [], startsWithAll: false });
    expect(parseQuery(' , ,')).toMatchObject({ terms: [], startsWithAll: false });
    expect(parseQuery('[]')).toMatchObject({ terms: [], startsWithAll: false });
  });

  it('splits at the first colon only: values may hold more colons', () => {
    const [t] = parseQuery('mac:aa:bb:*').terms;
    expect(brief(t)).toEqual({
      op: 'and',
      key: { kind: 'attribute', name: 'mac' },
      value: { form: 'eq', pattern: 'aa:bb:*' },
    });
  });

  it('reads the operator from the start of the key', () => {
    const ops = parseQuery('a:1,+b:2,-c:3,~d:4,-~e:5, - f:6').terms.map((t) => [t.op, t.key]);
    expect(ops).toEqual([
      ['and', { kind: 'attribute', name: 'a' }],
      ['and', { kind: 'attribute', name: 'b' }],
      ['or', { kind: 'attribute', name: 'c' }],
      ['not', { kind: 'attribute', name: 'd' }],
      ['orNot', { kind: 'attribute', name: 'e' }],
      ['or', { kind: 'attribute', name: 'f' }],
    ]);
  });

  it('reads IN lists without trimming their items', () => {
    expect(parseQuery('hostname:(web-1; db-*)').terms[0].value).toEqual({ form: 'in', items: ['web-1', ' db-*'] });
    expect(parseQuery('hostname:(a;;b;)').terms[0].value).toEqual({ form: 'in', items: ['a', 'b'] });
  });

  it('reads a range only with both brackets and _TO_, trimming its bounds', () => {
    expect(parseQuery('cpu:[4 _TO_ 16]').terms[0].value).toEqual({ form: 'range', low: '4', high: '16' });
    expect(parseQuery('born:[2020-01-01 _TO_ 2021-12-31]').terms[0].value).toEqual({
      form: 'range',
      low: '2020-01-01',
      high: '2021-12-31',
    });
    // Anything less is an ordinary pattern.
    expect(parseQuery('note:[4 TO 16]').terms[0].value).toEqual({ form: 'eq', pattern: '[4 TO 16]' });
    expect(parseQuery('note:[4 _TO_ 16').terms[0].value).toEqual({ form: 'eq', pattern: '[4 _TO_ 16' });
    expect(parseQuery('note:4 _TO_ 16]').terms[0].value).toEqual({ form: 'eq', pattern: '4 _TO_ 16]' });
  });

  it('reads comparisons', () => {
    const values = parseQuery('a:>9,b:>=9,c:<9,d:<= 9').terms.map((t) => t.value);
    expect(values).toEqual([
      { form: 'compare', op: '>', value: '9' },
      { form: 'compare', op: '>=', value: '9' },
      { form: 'compare', op: '<', value: '9' },
      { form: 'compare', op: '<=', value: '9' },
    ]);
  });

  it('keeps % and _ as written: only * is a wildcard, and the compilers escape the rest', () => {
    expect(parseQuery('hostname:web_1%').terms[0].value).toEqual({ form: 'eq', pattern: 'web_1%' });
  });

  it('knows type and id keys in any case, and attributes by what was written', () => {
    const keys = parseQuery('_type:server,TYPE:vm,ci_type:x,_id:1,ID:2,ci_id:3,HostName:x').terms.map((t) => t.key);
    expect(keys).toEqual([
      { kind: 'type', written: '_type' },
      { kind: 'type', written: 'type' },
      { kind: 'type', written: 'ci_type' },
      { kind: 'id', written: '_id' },
      { kind: 'id', written: 'id' },
      { kind: 'id', written: 'ci_id' },
      { kind: 'attribute', name: 'HostName' },
    ]);
    expect(parseQuery('_type:(server;vm)').types[0].value).toEqual({ form: 'in', items: ['server', 'vm'] });
  });

  it('reads a term without a colon as a bare word, operator included', () => {
    expect(parseQuery('web-10').terms.map(brief)).toEqual([
      { op: 'and', key: { kind: 'word' }, value: { form: 'eq', pattern: 'web-10' } },
    ]);
    expect(brief(parseQuery('a:1,~web*').terms[1])).toEqual({
      op: 'not',
      key: { kind: 'word' },
      value: { form: 'eq', pattern: 'web*' },
    });
  });

  it('puts a comma into a value with \\, and a backslash with \\\\', () => {
    expect(parseQuery('note:rack 1\\, row 2,idc:nh').terms.map((t) => t.value)).toEqual([
      { form: 'eq', pattern: 'rack 1, row 2' },
      { form: 'eq', pattern: 'nh' },
    ]);
    expect(parseQuery('path:c:\\\\,x:\\y').terms.map((t) => t.value)).toEqual([
      { form: 'eq', pattern: 'c:\\' },
      { form: 'eq', pattern: '\\y' },
    ]);
  });

  it('reads a JSON array of terms, commas inside values included', () => {
    const q = parseQuery('["_type:server", "note:rack 1, row 2", "name:\\"q\\"\\u0041"]');
    expect(q.terms.map((t) => t.value)).toEqual([
      { form: 'eq', pattern: 'server' },
      { form: 'eq', pattern: 'rack 1, row 2' },
      { form: 'eq', pattern: '"q"A' },
    ]);
    expect(parseQuery(['hostname:a,b', '-idc:nh']).terms.map(brief)).toEqual([
      { op: 'and', key: { kind: 'attribute', name: 'hostname' }, value: { form: 'eq', pattern: 'a,b' } },
      { op: 'or', key: { kind: 'attribute', name: 'idc' }, value: { form: 'eq', pattern: 'nh' } },
    ]);
  });

  it('refuses malformed JSON arrays, naming the position in the JSON text', () => {
    expect(errorOf(() => parseQuery('["a:1", 2]')).message).toBe(
      'q: position 9 (1-based): a JSON-array q holds only strings',
    );
    expect(errorOf(() => parseQuery('["a:1"')).message).toBe(
      'q: position 7 (1-based): expected "," or "]" in the JSON array',
    );
    expect(errorOf(() => parseQuery('["a:1]')).message).toBe('q: position 7 (1-based): the string is not closed');
    expect(errorOf(() => parseQuery('["a:1"] x')).message).toBe(
      'q: position 9 (1-based): nothing may follow the JSON array',
    );
    expect(errorOf(() => parseQuery(['a:1', 3 as unknown as string])).message).toBe('q: item 2: must be a string');
  });

  it('names the position of a malformed term, 1-based, in the string as sent', () => {
    const cases: [string, string][] = [
      ['idc:nh,:x', 'q: position 8 (1-based): a key is missing before ":"'],
      ['idc:nh, hostname:', 'q: position 18 (1-based): hostname needs a value after ":"'],
      ['idc:nh,cpu:[4 _TO_ 8 _TO_ 16]', 'q: position 22 (1-based): a range takes exactly one "_TO_"'],
      ['cpu:[ _TO_ 16]', 'q: position 5 (1-based): a range needs a value on both sides of "_TO_"'],
      ['cpu:[1* _TO_ 16]', 'q: position 5 (1-based): a range bound cannot hold a wildcard'],
      ['cpu:>=', 'q: position 5 (1-based): a comparison needs a value after ">="'],
      ['cpu:>4*', 'q: position 6 (1-based): a comparison cannot hold a wildcard'],
      ['hostname:()', 'q: position 10 (1-based): an IN list needs at least one item: (a;b)'],
      ['a:1,-~', 'q: position 5 (1-based): an operator needs a term after it'],
      ['a:1,-_type:server', 'q: position 5 (1-based): a type filter cannot be OR-ed or negated: it always applies'],
      ['_type:serv*', 'q: position 7 (1-based): type names take no wildcard'],
      ['_type:[a _TO_ b]', 'q: position 7 (1-based): _type takes a type or (type;type)'],
      // Positions count the characters as sent, escapes included.
      ['note:a\\,b,:x', 'q: position 11 (1-based): a key is missing before ":"'],
      ['["a:1", " :x"]', 'q: position 11 (1-based): a key is missing before ":"'],
    ];
    for (const [q, message] of cases) expect([q, errorOf(() => parseQuery(q)).message]).toEqual([q, message]);
    expect(errorOf(() => parseQuery(['a:1', 'b:'])).message).toBe(
      'q: item 2, position 3 (1-based): b needs a value after ":"',
    );
  });

  it('names the field it was given', () => {
    const e = errorOf(() => parseQuery('hostname:', 'hostQuery'));
    expect(e.field).toBe('hostQuery');
    expect(e.message).toMatch(/^hostQuery: position 10 \(1-based\)/);
  });

  describe('how terms combine', () => {
    const shape = (q: string) => {
      const p = parseQuery(q);
      return { all: p.startsWithAll, steps: p.steps.map((t) => t.text), types: p.types.map((t) => t.text) };
    };

    it('moves the first _type term to the front and starts from every CI of it when alone or before OR/NOT', () => {
      expect(shape('_type:server')).toEqual({ all: true, steps: [], types: ['_type:server'] });
      expect(shape('_type:server,~hostname:web*')).toEqual({
        all: true,
        steps: ['~hostname:web*'],
        types: ['_type:server'],
      });
      expect(shape('hostname:web*,_type:server')).toEqual({
        all: false,
        steps: ['hostname:web*'],
        types: ['_type:server'],
      });
      expect(shape('-x:1,_type:server')).toEqual({ all: true, steps: ['-x:1'], types: ['_type:server'] });
      expect(shape('_type:server,x:1,~y:2')).toEqual({ all: false, steps: ['x:1', '~y:2'], types: ['_type:server'] });
    });

    it('leaves type: and ci_type: where they stand, as filters only', () => {
      expect(shape('type:server,-x:1')).toEqual({ all: false, steps: ['-x:1'], types: ['type:server'] });
      expect(shape('x:1,ci_type:vm,_type:server')).toEqual({
        all: false,
        steps: ['x:1'],
        types: ['_type:server', 'ci_type:vm'],
      });
      // Type terms only: every CI of those types.
      expect(shape('type:server')).toEqual({ all: true, steps: [], types: ['type:server'] });
    });

    it('reads id terms and bare words as ordinary steps', () => {
      expect(shape('_id:(1;2),web-10')).toEqual({ all: false, steps: ['_id:(1;2)', 'web-10'], types: [] });
    });
  });
});

describe('withTypeFilter', () => {
  it('leads the query with the reachable types, as if written first', () => {
    const q = withTypeFilter(parseQuery('~hostname:web*'), ['3', 'vm']);
    expect(q.types.map((t) => t.value)).toEqual([{ form: 'in', items: ['3', 'vm'] }]);
    expect(q).toMatchObject({ startsWithAll: true, steps: [{ text: '~hostname:web*' }] });
    expect(withTypeFilter(parseQuery(''), ['3'])).toMatchObject({ startsWithAll: true, steps: [] });
    expect(withTypeFilter(parseQuery('idc:nh'), ['3'])).toMatchObject({ startsWithAll: false, field: 'q' });
  });
});
