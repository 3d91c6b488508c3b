// The cmdb REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_CMDB); controllers translate its wire format to domain services.
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { CmdbModule } from '../../cmdb/cmdb.module';
import { AccessTokenMiddleware } from './access-token.middleware';
import { AccountController } from './account.controller';
import { AclResourcesController } from './acl-resources.controller';
import { AclRolesController } from './acl-roles.controller';
import { AclUsersController } from './acl-users.controller';
import { CiAttributesController } from './ci-attributes.controller';
import { CiHistoryController } from './ci-history.controller';
import { CiPreferencesController } from './ci-preferences.controller';
import { CiRelationsController } from './ci-relations.controller';
import { CiRelationTypesController } from './ci-relation-types.controller';
import { CiTypeRelationsController } from './ci-type-relations.controller';
import { CiTypesController } from './ci-types.controller';
import { CisController } from './cis.controller';

const CONTROLLERS = [
  AccountController,
  AclRolesController,
  AclResourcesController,
  AclUsersController,
  CiAttributesController,
  CiTypesController,
  CiRelationTypesController,
  CiTypeRelationsController,
  CisController,
  CiRelationsController,
  CiHistoryController,
  CiPreferencesController,
];

@Module({
  imports: [AclModule, CmdbModule],
  controllers: CONTROLLERS,
})
export class CmdbCompatModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AccessTokenMiddleware).forRoutes(...CONTROLLERS);
  }
}
