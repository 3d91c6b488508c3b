// The sophon REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_SOPHON); controllers translate its wire format to domain services.
import { Module } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { CmdbModule } from '../../cmdb/cmdb.module';
import { SophonHostsController } from './hosts.controller';
import { SophonUsersController } from './users.controller';

@Module({
  imports: [AclModule, CmdbModule],
  controllers: [SophonUsersController, SophonHostsController],
})
export class SophonCompatModule {}
