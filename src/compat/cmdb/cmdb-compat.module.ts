// The cmdb REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_CMDB); controllers translate its wire format to domain services.
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { AccessTokenMiddleware } from './access-token.middleware';
import { AccountController } from './account.controller';
import { AclResourcesController } from './acl-resources.controller';
import { AclRolesController } from './acl-roles.controller';
import { AclUsersController } from './acl-users.controller';

const CONTROLLERS = [AccountController, AclRolesController, AclResourcesController, AclUsersController];

@Module({
  imports: [AclModule],
  controllers: CONTROLLERS,
})
export class CmdbCompatModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AccessTokenMiddleware).forRoutes(...CONTROLLERS);
  }
}
