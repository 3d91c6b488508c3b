import type { Principal } from '../common/auth/principal';
import type { RequestedRecord } from './domain-records';

/**
 * Where an approved domain request's records go: the DNS module's managed zones. The DNS module
 * implements it (registered under DOMAIN_RECORD_WRITER in this module, so the dependency points
 * from resource-request to dns); until one is registered, approving leaves a domain request
 * approved but not finished, with the reason "no DNS writer configured".
 */
export interface DomainRecordWriter {
  /** The name of the managed zone that is the longest suffix of `fqdn`, or null when none is. */
  zoneFor(fqdn: string): Promise<string | null>;
  /**
   * Writes the records to their zones and resolves once the servers have them; throws a domain
   * error (UpstreamError for a server that is down or answers an error) otherwise. Called again
   * on a retry with the same records, so writing a record that is there already must succeed.
   */
  apply(records: readonly RequestedRecord[], context: { requestId: number; actor: Principal | null }): Promise<void>;
}

/** Injection token of the DomainRecordWriter, when one is registered. */
export const DOMAIN_RECORD_WRITER = Symbol('DOMAIN_RECORD_WRITER');
