import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError } from '../common/errors/domain-errors';
import { AuditService } from './audit.service';
import { AuditEntriesArgs, AuditEntryPage } from './dto/audit-entries.args';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryPage, { description: 'The audit log, newest first (administrators only)' })
  async auditEntries(
    @CurrentPrincipal() principal: Principal,
    @Args() args: AuditEntriesArgs,
  ): Promise<AuditEntryPage> {
    // Finer audit permissions arrive with the ACL module; until then, admins only.
    if (!principal.isAdmin) throw new ForbiddenError('Reading the audit log requires an administrator');
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.audit.list(filter, offset, limit);
    return { items, total, offset, limit };
  }
}
