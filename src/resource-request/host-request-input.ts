import { InvalidInputError } from '../common/errors/domain-errors';
import { HostType } from '../cmdb/inventory/entities/host.entity';

/** The most hosts one host request asks for. */
export const MAX_REQUIRED_HOSTS = 100;

/** One host a host request asks for, as stored. */
export interface RequiredHost {
  name: string;
  cpuCores: number | null;
  /** Memory in MB. */
  mem: number | null;
  /** Storage in MB. */
  storage: number | null;
  os: string | null;
  type: HostType | null;
}

export interface RequiredHostInput {
  name: string;
  cpuCores?: number | null;
  mem?: number | null;
  storage?: number | null;
  os?: string | null;
  type?: string | null;
}

const HOST_TYPES = Object.values(HostType) as string[];

function count(v: number | null | undefined, field: string): number | null {
  if (v === undefined || v === null) return null;
  if (!Number.isInteger(v) || v < 0 || v > 2_147_483_647)
    throw new InvalidInputError(field, 'must be a non-negative integer');
  return v;
}

/**
 * Checks the hosts of a host request (specs, os, type), naming the field (`required_hosts[0].specs.mem`);
 * names are checked by the inventory, which owns the host-name rule.
 */
export function checkRequiredHosts(hosts: readonly RequiredHostInput[], field = 'required_hosts'): RequiredHost[] {
  if (hosts.length > MAX_REQUIRED_HOSTS)
    throw new InvalidInputError(field, `must hold at most ${MAX_REQUIRED_HOSTS} hosts`);
  return hosts.map((h, i) => {
    const at = `${field}[${i}]`;
    if (typeof h.name !== 'string' || h.name === '') throw new InvalidInputError(`${at}.name`, 'is required');
    const os = h.os ?? null;
    if (os !== null && (typeof os !== 'string' || os.length > 128)) {
      throw new InvalidInputError(`${at}.os`, 'must be a text of at most 128 characters');
    }
    const type = h.type ?? null;
    if (type !== null && !HOST_TYPES.includes(type)) {
      throw new InvalidInputError(`${at}.type`, `must be one of ${HOST_TYPES.join(', ')}`);
    }
    return {
      name: h.name,
      cpuCores: count(h.cpuCores, `${at}.specs.cpu_core`),
      mem: count(h.mem, `${at}.specs.mem`),
      storage: count(h.storage, `${at}.specs.storage`),
      os,
      type: type as HostType | null,
    };
  });
}

/** `never` (or null) for hosts kept for good, else a number of days. */
export function parseExpiration(v: string | number | null | undefined, field = 'expiration'): number | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim().toLowerCase() === 'never')) return null;
  const days = typeof v === 'number' ? v : /^\s*\d{1,5}\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > 36_500) {
    throw new InvalidInputError(field, 'must be "never" or a number of days from 1 to 36500');
  }
  return days;
}

/** Days a requester expects to wait: the seed sends them as a string ("7"). */
export function parseDeliveryDays(v: string | number | null | undefined, field = 'expect_delivery_days'): number {
  if (v === undefined || v === null) return 7;
  const days = typeof v === 'number' ? v : /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    throw new InvalidInputError(field, 'must be a number of days from 0 to 3650');
  }
  return days;
}

/** Ids the request names (login users, packages): positive, each once. */
export function checkIds(ids: readonly number[], field: string, max = 200): number[] {
  if (ids.length > max) throw new InvalidInputError(field, `must hold at most ${max} ids`);
  ids.forEach((id, i) => {
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) {
      throw new InvalidInputError(`${field}[${i}].id`, 'must be a positive integer');
    }
    if (ids.indexOf(id) !== i) throw new InvalidInputError(`${field}[${i}].id`, `${id} is given twice`);
  });
  return [...ids];
}
