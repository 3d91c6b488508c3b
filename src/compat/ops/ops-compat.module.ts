// The ops REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_OPS); controllers translate its wire format to domain services.
import { Module } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { InventoryModule } from '../../cmdb/inventory/inventory.module';
import { OpsLoginController } from './login.controller';
import { OpsMachinesController } from './machines.controller';
import { OpsPermissionsController } from './permissions.controller';
import { OpsUsersController } from './users.controller';

@Module({
  imports: [AclModule, InventoryModule],
  controllers: [OpsLoginController, OpsUsersController, OpsPermissionsController, OpsMachinesController],
})
export class OpsCompatModule {}
