import type { Request } from 'express';
import { cmdbTime } from './acl-wire';
import { cmdbParams, toBool, toInt, toList } from './cmdb-params';

function request(opts: { query?: object; body?: unknown; json?: boolean }): Request {
  return {
    query: opts.query ?? {},
    body: opts.body,
    is: (type: string) => (opts.json && type === 'application/json' ? type : false),
  } as unknown as Request;
}

describe('cmdbParams (cmdb.md §3)', () => {
  it('takes a JSON object body as the whole parameter set, ignoring the query', () => {
    expect(cmdbParams(request({ json: true, query: { a: '1' }, body: { b: 2 } }))).toEqual({ b: 2 });
  });

  it('merges query and form fields, first value of a repeated name', () => {
    expect(cmdbParams(request({ query: { a: ['1', '2'] }, body: { b: 'x' } }))).toEqual({ a: '1', b: 'x' });
  });

  it('falls back to the query for an empty JSON object', () => {
    expect(cmdbParams(request({ json: true, query: { a: '1' }, body: {} }))).toEqual({ a: '1' });
  });

  it('refuses a JSON body that is not an object', () => {
    expect(() => cmdbParams(request({ json: true, body: [1] }))).toThrow(/JSON object/);
  });
});

describe('parameter conversions', () => {
  it.each([
    ['12', 12],
    [' 7 ', 7],
    [3, 3],
    ['1.5', '1.5'],
    ['x', 'x'],
  ])('toInt(%j) = %j', (input, out) => expect(toInt(input)).toEqual(out));

  it.each([
    [true, true],
    [1, true],
    [0, false],
    ['True', true],
    ['false', false],
    ['1', true],
    ['yes', 'yes'],
    [2, 2],
  ])('toBool(%j) = %j', (input, out) => expect(toBool(input)).toEqual(out));

  it.each([
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    ['a,,b', ['a', 'b']],
    ['["a,b", "c"]', ['a,b', 'c']],
    ['[broken', '[broken'],
    ['', []],
    [5, [5]],
    [0, [0]],
    [true, true],
  ])('toList(%j) = %j', (input, out) => expect(toList(input)).toEqual(out));
});

describe('cmdbTime', () => {
  it('prints UTC as YYYY-MM-DD HH:MM:SS', () => {
    expect(cmdbTime(new Date('2024-03-05T07:08:09.123Z'))).toBe('2024-03-05 07:08:09');
    expect(cmdbTime(null)).toBeNull();
  });
});
