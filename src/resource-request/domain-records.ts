import { isIP } from 'node:net';
import { InvalidInputError } from '../common/errors/domain-errors';
import { isTargetName, normalizeOwnerName } from './dns-names';

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SRV', 'CAA'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** TTL bounds in seconds: one second to one week. */
export const TTL_MIN = 1;
export const TTL_MAX = 604_800;

/** The most records one domain request carries. */
export const MAX_RECORDS = 100;

/**
 * A record a domain request asks for, in zone-file presentation: MX `10 mail.example.com.`,
 * SRV `10 5 5060 sip.example.com.`, CAA `0 issue "ca.example.net"`, TXT as its text.
 */
export interface RequestedRecord {
  /** Fully qualified owner name, lower-case, no trailing dot. */
  name: string;
  type: RecordType;
  value: string;
  /** Null: the zone's default. */
  ttl: number | null;
}

export interface RecordInput {
  name: string;
  type: string;
  value: string;
  ttl?: number | null;
}

const PRIORITY = /^\d{1,5}$/;

function uint16(v: string): boolean {
  return PRIORITY.test(v) && Number(v) <= 65535;
}

/** Why the value does not fit its type, or null when it does. */
function valueProblem(type: RecordType, value: string): string | null {
  const parts = value.trim().split(/\s+/);
  switch (type) {
    case 'A':
      return isIP(value) === 4 ? null : 'must be an IPv4 address for an A record';
    case 'AAAA':
      return isIP(value) === 6 ? null : 'must be an IPv6 address for an AAAA record';
    case 'CNAME':
    case 'NS':
      return isTargetName(value) ? null : `must be a host name for a${type === 'NS' ? 'n' : ''} ${type} record`;
    case 'MX':
      return parts.length === 2 && uint16(parts[0]) && isTargetName(parts[1])
        ? null
        : 'must be "<priority> <host>" for an MX record, e.g. "10 mail.example.com"';
    case 'SRV':
      return parts.length === 4 && parts.slice(0, 3).every(uint16) && isTargetName(parts[3])
        ? null
        : 'must be "<priority> <weight> <port> <target>" for an SRV record';
    case 'CAA':
      return /^\d{1,3}\s+(issue|issuewild|iodef)\s+"[^"]*"$/.test(value.trim()) && Number(parts[0]) <= 255
        ? null
        : 'must be "<flags> <issue|issuewild|iodef> \\"<value>\\"" for a CAA record';
    case 'TXT':
      // Chunking into 255-byte strings is the writer's job; a request only bounds the size.
      return value.length > 0 && Buffer.byteLength(value) <= 4000 ? null : 'must be 1 to 4000 bytes of text';
  }
}

/**
 * Checks the records of a domain request by shape (name, type, value for its type, TTL), naming
 * the offending field (`records[1].value`); answers them normalized. Whether a managed zone takes
 * each name is the DNS module's answer, asked separately.
 */
export function checkRecords(records: readonly RecordInput[], field = 'records'): RequestedRecord[] {
  if (records.length === 0) throw new InvalidInputError(field, 'must hold at least one record');
  if (records.length > MAX_RECORDS) throw new InvalidInputError(field, `must hold at most ${MAX_RECORDS} records`);
  const out = records.map((r, i): RequestedRecord => {
    const at = `${field}[${i}]`;
    const name = typeof r.name === 'string' ? normalizeOwnerName(r.name) : null;
    if (name === null) throw new InvalidInputError(`${at}.record`, 'must be a fully qualified domain name');
    const type = typeof r.type === 'string' ? r.type.toUpperCase() : '';
    if (!(RECORD_TYPES as readonly string[]).includes(type)) {
      throw new InvalidInputError(`${at}.type`, `must be one of ${RECORD_TYPES.join(', ')}`);
    }
    if (typeof r.value !== 'string' || r.value.trim() === '') throw new InvalidInputError(`${at}.value`, 'is required');
    const problem = valueProblem(type as RecordType, r.value.trim());
    if (problem) throw new InvalidInputError(`${at}.value`, problem);
    const ttl = r.ttl ?? null;
    if (ttl !== null && (!Number.isInteger(ttl) || ttl < TTL_MIN || ttl > TTL_MAX)) {
      throw new InvalidInputError(`${at}.ttl`, `must be an integer from ${TTL_MIN} to ${TTL_MAX}`);
    }
    return { name, type: type as RecordType, value: type === 'TXT' ? r.value : r.value.trim(), ttl };
  });
  out.forEach((r, i) => {
    const clash = out.findIndex((o, j) => j !== i && o.name === r.name && (o.type === 'CNAME' || r.type === 'CNAME'));
    if (clash >= 0 && clash < i) {
      throw new InvalidInputError(`${field}[${i}].record`, `a CNAME cannot share its name with other records`);
    }
    const same = out.findIndex((o) => o.name === r.name && o.type === r.type && o.value === r.value);
    if (same < i) throw new InvalidInputError(`${field}[${i}]`, 'repeats an earlier record');
  });
  return out;
}
