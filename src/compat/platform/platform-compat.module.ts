// The platform REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_PLATFORM); controllers translate its wire format to domain services.
import { Module } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { AuditModule } from '../../audit/audit.module';
import { InventoryModule } from '../../cmdb/inventory/inventory.module';
import { DeployModule } from '../../deploy/deploy.module';
import { PlatformAuthTokensController } from './platform-auth-tokens.controller';
import { PlatformAuthorizeOperationsController } from './platform-authorize-operations.controller';
import { PlatformDeployScriptsController } from './platform-deploy-scripts.controller';
import { PlatformDeploySettingsController } from './platform-deploy-settings.controller';
import { PlatformDeployTemplatesController } from './platform-deploy-templates.controller';
import { PlatformDeployWire } from './platform-deploy-wire';
import { ResourceRequestModule } from '../../resource-request/resource-request.module';
import { ToolboxModule } from '../../toolbox/toolbox.module';
import { PlatformCdnRefreshTasksController } from './platform-cdn-refresh-tasks.controller';
import { PlatformDomainRequestsController } from './platform-domain-requests.controller';
import { PlatformHostRequestsController } from './platform-host-requests.controller';
import { PlatformInventoryAppRelationsController } from './platform-inventory-app-relations.controller';
import { PlatformInventoryApplicationsController } from './platform-inventory-applications.controller';
import { PlatformInventoryAuditController } from './platform-inventory-audit.controller';
import { PlatformInventoryHostsController } from './platform-inventory-hosts.controller';
import { PlatformInventoryProductionsController } from './platform-inventory-productions.controller';
import { PlatformInstanceLogController } from './platform-instance-log.controller';
import { PlatformRepositoryCredentialsController } from './platform-repository-credentials.controller';
import { PlatformNavigatorsController } from './platform-navigators.controller';
import { PlatformResourceAuthorizationsController } from './platform-resource-authorizations.controller';
import { PlatformRolesController } from './platform-roles.controller';
import { PlatformSslRequestsController } from './platform-ssl-requests.controller';
import { PlatformSubjectPermsController } from './platform-subject-perms.controller';
import { PlatformUsersController } from './platform-users.controller';

@Module({
  imports: [AclModule, AuditModule, InventoryModule, DeployModule, ResourceRequestModule, ToolboxModule],
  providers: [PlatformDeployWire],
  controllers: [
    PlatformUsersController,
    PlatformRolesController,
    PlatformSubjectPermsController,
    PlatformResourceAuthorizationsController,
    PlatformAuthTokensController,
    PlatformAuthorizeOperationsController,
    PlatformInstanceLogController,
    PlatformInventoryProductionsController,
    PlatformInventoryApplicationsController,
    PlatformInventoryAppRelationsController,
    PlatformInventoryHostsController,
    PlatformInventoryAuditController,
    PlatformDeploySettingsController,
    PlatformDeployTemplatesController,
    PlatformDeployScriptsController,
    PlatformRepositoryCredentialsController,
    PlatformHostRequestsController,
    PlatformDomainRequestsController,
    PlatformSslRequestsController,
    PlatformNavigatorsController,
    PlatformCdnRefreshTasksController,
  ],
})
export class PlatformCompatModule {}
