import { CompatPrefixes, RESERVED_PATHS } from '../config/compat-prefixes';
import { CmdbEnvelope } from './cmdb/cmdb-envelope';
import { CompatEnvelope, CompatFamily } from './compat-envelope';
import { HermesEnvelope } from './hermes/hermes-envelope';
import { OpsEnvelope } from './ops/ops-envelope';
import { PlatformEnvelope } from './platform/platform-envelope';
import { SophonEnvelope } from './sophon/sophon-envelope';

const ENVELOPES: Record<CompatFamily, CompatEnvelope> = {
  sophon: new SophonEnvelope(),
  ops: new OpsEnvelope(),
  hermes: new HermesEnvelope(),
  platform: new PlatformEnvelope(),
  cmdb: new CmdbEnvelope(),
};

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Which legacy family a request path belongs to, by its mounted base path. */
export class CompatRegistry {
  private readonly mounted: [string, CompatEnvelope][];
  private readonly root?: CompatEnvelope;

  constructor(prefixes: CompatPrefixes) {
    const entries = Object.entries(prefixes) as [CompatFamily, string][];
    this.mounted = entries
      .filter(([, prefix]) => prefix !== '')
      .map(([family, prefix]): [string, CompatEnvelope] => [prefix, ENVELOPES[family]])
      .sort((a, b) => b[0].length - a[0].length);
    const root = entries.find(([, prefix]) => prefix === '');
    this.root = root && ENVELOPES[root[0]];
  }

  envelopeFor(path: string): CompatEnvelope | undefined {
    const hit = this.mounted.find(([prefix]) => under(path, prefix));
    if (hit) return hit[1];
    // A family mounted at the root owns every path the service does not answer itself.
    if (this.root && !RESERVED_PATHS.some((r) => under(path, r))) return this.root;
    return undefined;
  }
}
