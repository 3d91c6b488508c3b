// Every controller of the cmdb family, in the order their routes are tried.
import { Type } from '@nestjs/common';
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

export const CMDB_CONTROLLERS: Type<unknown>[] = [
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
