import { InvalidInputError } from '../../common/errors/domain-errors';
import { AddrType } from './entities/ip-address.entity';
import { checkIps, isNetmask, isNetwork } from './host-input';

describe('host addresses', () => {
  it('knows netmasks and networks', () => {
    for (const ok of ['255.255.255.0', '255.255.0.0', '0.0.0.0', '24', '/16', '64']) expect(isNetmask(ok)).toBe(true);
    for (const bad of ['255.0.255.0', '255.255.255.256', 'abc', '129', '']) expect(isNetmask(bad)).toBe(false);
    expect(isNetwork('10.0.0.0/8')).toBe(true);
    expect(isNetwork('fd00::/8')).toBe(true);
    expect(isNetwork('10.0.0.0')).toBe(false);
    expect(isNetwork('10.0.0/8')).toBe(false);
  });

  it('names the field of the first bad address', () => {
    const bad = (ips: Parameters<typeof checkIps>[0]) => {
      try {
        checkIps(ips);
      } catch (e) {
        return (e as InvalidInputError).field;
      }
      return undefined;
    };
    expect(bad([{ address: '10.0.0.1', netmask: '255.255.255.0', addrType: AddrType.PRIVATE }])).toBeUndefined();
    expect(bad([{ address: '10.0.0.1' }, { address: '10.0.0.999' }])).toBe('ips[1].address');
    expect(bad([{ address: '10.0.0.1', netmask: '255.0.255.0' }])).toBe('ips[0].netmask');
    expect(bad([{ address: '10.0.0.1', network: 'nope' }])).toBe('ips[0].network');
    expect(bad([{ address: '::1' }, { address: '::1' }])).toBe('ips[1].address');
    expect(bad([{ address: '10.0.0.1', addrType: 'INTERNAL' as AddrType }])).toBe('ips[0].addr_type');
  });
});
