// The ops REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_OPS); controllers translate its wire format to domain services.
import { Module } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { OpsLoginController } from './login.controller';
import { OpsPermissionsController } from './permissions.controller';
import { OpsUsersController } from './users.controller';

@Module({
  imports: [AclModule],
  controllers: [OpsLoginController, OpsUsersController, OpsPermissionsController],
})
export class OpsCompatModule {}
