import { InvalidInputError } from '../../common/errors/domain-errors';
import { checkRequired, resolveCiValues, resolveFields, splitList } from './ci-input';
import { catalog, CPU, HOSTNAME, SERVER, TAGS } from './ci-catalog.fixture';

const resolve = (params: Record<string, unknown>, opts = {}) =>
  resolveCiValues(catalog, SERVER, params, { policy: 'ignore', update: false, ...opts });

function error(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidInputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('resolveCiValues', () => {
  it('reads attributes by name, alias and id, skipping _ keys and control keys', () => {
    const values = resolve({ 'Host name': ' web-1 ', '2': '8', ci_type: 'server', _key: 'k', exist_policy: 'x' });
    expect(
      values.map((v) => [v.attr, v.next]).sort((a, b) => (a[0] === HOSTNAME ? -1 : b[0] === HOSTNAME ? 1 : 0)),
    ).toEqual([
      [HOSTNAME, 'web-1'],
      [CPU, 8],
    ]);
  });

  it("skips unknown keys and other types' attributes by default, refuses them with reject", () => {
    expect(resolve({ hostname: 'a', color: 'red', sn: 'x' })).toHaveLength(1);
    expect(error(() => resolve({ color: 'red' }, { policy: 'reject' })).message).toBe(
      'color: attribute color does not exist',
    );
    expect(error(() => resolve({ sn: 'x' }, { policy: 'reject' })).field).toBe('sn');
  });

  it("refuses another type's attribute on update whatever the policy", () => {
    expect(error(() => resolve({ sn: 'x' }, { update: true })).message).toMatch(/not an attribute of CIType server/);
  });

  it('converts values and names the field of a bad one', () => {
    const e = error(() => resolve({ cpu: 'many' }, { fieldPrefix: 'cis[2].' }));
    expect(e.field).toBe('cis[2].cpu');
    expect(e.message).toBe('cis[2].cpu: attribute value many is invalid');
  });

  it('checks choice values', () => {
    expect(resolve({ idc: 'nh' })[0].next).toBe('nh');
    expect(error(() => resolve({ idc: 'mars' })).message).toBe('idc: mars does not existed in choice values');
  });

  it('reads multi-value attributes as lists, one value for the others', () => {
    expect(resolve({ tags: 'a, b,,c' })[0].next).toEqual(['a', 'b', 'c']);
    expect(resolve({ tags: '["x,y"]' })[0].next).toEqual(['x,y']);
    expect(resolve({ tags: '' })[0].next).toEqual([]);
    expect(resolve({ cpu: [4] })[0].next).toBe(4);
    expect(error(() => resolve({ cpu: [4, 8] })).field).toBe('cpu');
    expect(resolve({ tags: ['a'] })[0].attr).toBe(TAGS);
  });

  it('clears on empty input, but text keeps ""', () => {
    expect(resolve({ cpu: '' })[0].next).toBeNull();
    expect(resolve({ hostname: '' })[0].next).toBe('');
    expect(resolve({ hostname: null })[0].next).toBeNull();
  });

  it('refuses one attribute given twice', () => {
    expect(error(() => resolve({ hostname: 'a', 'Host name': 'b' })).message).toMatch(/given twice/);
  });
});

describe('checkRequired', () => {
  it('needs every required attribute on create, and refuses clearing one on update', () => {
    expect(error(() => checkRequired(catalog, SERVER, resolve({ hostname: 'a' }), { creating: true })).message).toBe(
      'cpu: attribute CPU value is required',
    );
    expect(() => checkRequired(catalog, SERVER, resolve({ hostname: 'a', cpu: 1 }), { creating: true })).not.toThrow();
    expect(() => checkRequired(catalog, SERVER, resolve({ tags: 'x' }), { creating: false })).not.toThrow();
    expect(error(() => checkRequired(catalog, SERVER, resolve({ hostname: '' }), { creating: false })).field).toBe(
      'hostname',
    );
  });
});

describe('splitList', () => {
  it.each([
    [['a'], ['a']],
    ['a,b', ['a', 'b']],
    ['[1, 2]', [1, 2]],
    ['[not json', ['[not json']],
    [5, [5]],
  ])('%j → %j', (raw, out) => expect(splitList(raw)).toEqual(out));
});

describe('resolveFields', () => {
  it('resolves names, ids and aliases, skips the row keys, and refuses unknown names', () => {
    expect(resolveFields(catalog, ['hostname', '2', 'Host name', '_id'], 'fl')).toEqual([HOSTNAME, CPU]);
    expect(resolveFields(catalog, [], 'fl')).toBeUndefined();
    expect(error(() => resolveFields(catalog, ['nope'], 'fl')).message).toBe('fl: nope is not existed');
  });
});
