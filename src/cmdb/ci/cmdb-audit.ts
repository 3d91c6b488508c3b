import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';

/** What a CMDB change was made to: `ci_type` 3 "server", `ci_relation_view` 2 "datacentre"… */
export interface CmdbTarget {
  type: string;
  id: number;
  name: string | null;
}

/** The audit entry of one CMDB change (module `cmdb`), written in the change's own transaction. */
export function auditCmdb(
  audit: AuditService,
  em: EntityManager,
  actor: Principal,
  target: CmdbTarget,
  operation: string,
  change: { before?: unknown; after?: unknown } = {},
) {
  return audit.record(em, {
    operator: actor,
    module: 'cmdb',
    targetType: target.type,
    targetId: target.id,
    targetName: target.name,
    operation,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}
