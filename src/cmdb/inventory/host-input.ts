import { isIP } from 'node:net';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { AddrOwner, AddrType } from './entities/ip-address.entity';

export interface IpInput {
  address: string;
  netmask?: string | null;
  network?: string | null;
  isVirtual?: boolean;
  addrType?: AddrType;
  owner?: AddrOwner;
}

/** A netmask as a dotted quad with contiguous ones (255.255.255.0) or a prefix length (24, /24). */
export function isNetmask(mask: string): boolean {
  const prefix = /^\/?(\d{1,3})$/.exec(mask);
  if (prefix) return Number(prefix[1]) <= 128;
  if (isIP(mask) !== 4) return false;
  const bits = mask
    .split('.')
    .map((o) => Number(o).toString(2).padStart(8, '0'))
    .join('');
  return /^1*0*$/.test(bits);
}

/** A network in CIDR form: 10.0.0.0/8, fd00::/8. */
export function isNetwork(network: string): boolean {
  const [address, prefix, ...rest] = network.split('/');
  return rest.length === 0 && isIP(address) !== 0 && prefix !== undefined && /^\d{1,3}$/.test(prefix);
}

/** Checks a host's addresses, naming the offending field (`ips[1].netmask`). */
export function checkIps(ips: readonly IpInput[], field = 'ips'): void {
  const seen = new Set<string>();
  ips.forEach((ip, i) => {
    const at = `${field}[${i}]`;
    if (typeof ip.address !== 'string' || isIP(ip.address) === 0) {
      throw new InvalidInputError(`${at}.address`, 'must be an IPv4 or IPv6 address');
    }
    if (ip.netmask && !isNetmask(ip.netmask)) {
      throw new InvalidInputError(`${at}.netmask`, 'must be a netmask such as 255.255.255.0 or a prefix length');
    }
    if (ip.network && !isNetwork(ip.network)) {
      throw new InvalidInputError(`${at}.network`, 'must be a network in CIDR form such as 10.0.0.0/8');
    }
    if (ip.addrType !== undefined && !Object.values(AddrType).includes(ip.addrType)) {
      throw new InvalidInputError(`${at}.addr_type`, 'must be PRIVATE or PUBLIC');
    }
    if (ip.owner !== undefined && !Object.values(AddrOwner).includes(ip.owner)) {
      throw new InvalidInputError(`${at}.owner`, 'must be HOST or LB');
    }
    if (seen.has(ip.address)) throw new InvalidInputError(`${at}.address`, `${ip.address} is listed twice`);
    seen.add(ip.address);
  });
}
