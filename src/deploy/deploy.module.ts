// Deploy configuration: each application's deploy settings over an optional template, the
// lifecycle scripts (Jinja, rendered in a bounded renderer process) and the repository credentials.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AclModule } from '../acl/acl.module';
import { AuditModule } from '../audit/audit.module';
import { InventoryModule } from '../cmdb/inventory/inventory.module';
import { ApplicationDeployResolver } from './application-deploy.resolver';
import { DeployConfigWriter } from './deploy-config-writer';
import { DeployHookResolver } from './deploy-hook.resolver';
import { DeployRepositoryResolver } from './deploy-repository.resolver';
import { DeployScriptsResolver } from './deploy-scripts.resolver';
import { DeployScriptsService } from './deploy-scripts.service';
import { DeploySettingsResolver } from './deploy-settings.resolver';
import { DeploySettingsService } from './deploy-settings.service';
import { DeployTemplatesResolver } from './deploy-templates.resolver';
import { DeployTemplatesService } from './deploy-templates.service';
import { DeployScript } from './entities/deploy-script.entity';
import { DeploySetting } from './entities/deploy-setting.entity';
import { DeployTemplate } from './entities/deploy-template.entity';
import { RepositoryCredential } from './entities/repository-credential.entity';
import { RepositoryCredentialsResolver } from './repository-credentials.resolver';
import { RepositoryCredentialsService } from './repository-credentials.service';
import { ScriptRenderer } from './script-renderer.service';

const SERVICES = [
  RepositoryCredentialsService,
  DeploySettingsService,
  DeployTemplatesService,
  DeployScriptsService,
  ScriptRenderer,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([RepositoryCredential, DeployScript, DeployTemplate, DeploySetting]),
    AclModule,
    AuditModule,
    InventoryModule,
  ],
  providers: [
    ...SERVICES,
    DeployConfigWriter,
    RepositoryCredentialsResolver,
    DeployScriptsResolver,
    DeployTemplatesResolver,
    DeploySettingsResolver,
    ApplicationDeployResolver,
    DeployRepositoryResolver,
    DeployHookResolver,
  ],
  exports: SERVICES,
})
export class DeployModule {}
