import { pickByKey } from './named-rows';

describe('pickByKey', () => {
  const rows = [
    { id: 1, name: 'cpu', alias: '7' },
    { id: 7, name: 'mem', alias: 'Memory' },
    { id: 9, name: 'disk', alias: 'CPU' },
  ];

  it('reads a key as a name first, then an id, then an alias, ignoring case', () => {
    expect(pickByKey(rows, 'CPU')?.id).toBe(1);
    expect(pickByKey(rows, '7')?.id).toBe(7);
    expect(pickByKey(rows, 7)?.id).toBe(7);
    expect(pickByKey(rows, ' memory ')?.id).toBe(7);
    expect(pickByKey(rows, 'net')).toBeUndefined();
    expect(pickByKey(rows, '')).toBeUndefined();
  });
});
