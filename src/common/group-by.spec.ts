import { groupBy } from './group-by';

describe('groupBy', () => {
  it('hands back the rows of each key in the order of the keys, empty for a key without rows', () => {
    const rows = [
      { host: 2, ip: 'b' },
      { host: 1, ip: 'a' },
      { host: 2, ip: 'c' },
      { host: 9, ip: 'x' },
    ];
    expect(groupBy([1, 2, 3], rows, (r) => r.host).map((g) => g.map((r) => r.ip))).toEqual([['a'], ['b', 'c'], []]);
  });
});
