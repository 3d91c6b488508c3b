import { User } from '../acl/entities/user.entity';
import { AuditEntry } from '../audit/entities/audit-entry.entity';

/** Every entity of the service: one set for both dialects. */
export const ENTITIES = [User, AuditEntry];
