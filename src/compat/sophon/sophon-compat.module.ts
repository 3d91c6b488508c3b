// The sophon REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_SOPHON); controllers translate its wire format to domain services.
import { Module } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { InventoryModule } from '../../cmdb/inventory/inventory.module';
import { SophonHostsController } from './hosts.controller';
import { SophonUsersController } from './users.controller';

@Module({
  imports: [AclModule, InventoryModule],
  controllers: [SophonUsersController, SophonHostsController],
})
export class SophonCompatModule {}
