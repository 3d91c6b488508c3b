import { checkIds, checkRequiredHosts, parseDeliveryDays, parseExpiration } from './host-request-input';

describe('host request input', () => {
  it('reads required hosts with their specs', () => {
    expect(
      checkRequiredHosts([
        { name: 'host-a', cpuCores: 4, mem: 8192, storage: 100000, os: 'centos-7.1', type: 'TECENT_CVM' },
      ]),
    ).toEqual([{ name: 'host-a', cpuCores: 4, mem: 8192, storage: 100000, os: 'centos-7.1', type: 'TECENT_CVM' }]);
    expect(checkRequiredHosts([{ name: 'b' }])).toEqual([
      { name: 'b', cpuCores: null, mem: null, storage: null, os: null, type: null },
    ]);
  });

  it.each([
    [[{ name: '' }], 'required_hosts[0].name'],
    [[{ name: 'a', type: 'MAINFRAME' }], 'required_hosts[0].type'],
    [[{ name: 'a', mem: -1 }], 'required_hosts[0].specs.mem'],
    [[{ name: 'a', cpuCores: 1.5 }], 'required_hosts[0].specs.cpu_core'],
  ])('refuses %j naming %s', (hosts, field) => {
    expect(() => checkRequiredHosts(hosts)).toThrow(field);
  });

  it('reads expiration as never or days, and delivery days as the seed sends them', () => {
    expect(parseExpiration(undefined)).toBeNull();
    expect(parseExpiration('never')).toBeNull();
    expect(parseExpiration('30')).toBe(30);
    expect(parseExpiration(90)).toBe(90);
    expect(() => parseExpiration('soon')).toThrow('expiration: must be "never"');
    expect(() => parseExpiration(0)).toThrow('expiration');
    expect(parseDeliveryDays(undefined)).toBe(7);
    expect(parseDeliveryDays('3')).toBe(3);
    expect(() => parseDeliveryDays('a week')).toThrow('expect_delivery_days');
  });

  it('refuses bad and repeated ids by position', () => {
    expect(checkIds([1, 2], 'login_users')).toEqual([1, 2]);
    expect(() => checkIds([1, 0], 'login_users')).toThrow('login_users[1].id');
    expect(() => checkIds([3, 3], 'login_users')).toThrow('login_users[1].id: 3 is given twice');
  });
});
