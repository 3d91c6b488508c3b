// The one audit log: every module records its changes here, inside its own
// transaction, and operators read it back through GraphQL.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditEntry } from './entities/audit-entry.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
