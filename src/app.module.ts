// The whole service: what starts depends on ROLE (api, worker or all).
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AclModule } from './acl/acl.module';
import { ApprovalModule } from './approval/approval.module';
import { AuthService } from './acl/auth.service';
import { AuditModule } from './audit/audit.module';
import { CiModule } from './cmdb/ci/ci.module';
import { InventoryModule } from './cmdb/inventory/inventory.module';
import { DeployModule } from './deploy/deploy.module';
import { HermesWorkflowModule } from './hermes-workflow/hermes-workflow.module';
import { PubSubModule } from './common/pubsub/pubsub.module';
import { GraphqlApiModule } from './common/graphql/graphql-api.module';
import { HealthModule } from './common/health/health.module';
import { MailModule } from './common/mail/mail.module';
import { pinoOptions } from './common/request/pino-options';
import { CompatModule } from './compat/compat.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { DatabaseModule } from './database/database.module';
import { JobQueueModule } from './execution/queue/job-queue.module';
import { ResourceRequestModule } from './resource-request/resource-request.module';
import { ToolboxModule } from './toolbox/toolbox.module';

export interface AppModuleOptions {
  /** Write the GraphQL schema to this file (the build does, to commit it). */
  schemaFile?: string;
  /** Send log lines here instead of stdout. */
  logStream?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    const http = config.serveHttp
      ? [
          GraphqlApiModule.forRoot(config, { module: AclModule, authenticator: AuthService }, options.schemaFile),
          HealthModule,
          CompatModule.forRoot(config.compatPrefixes),
        ]
      : [];
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(pinoOptions(config, options.logStream)),
        DatabaseModule.forRoot(config),
        MailModule,
        AuditModule,
        AclModule,
        PubSubModule,
        JobQueueModule,
        CiModule,
        InventoryModule,
        HermesWorkflowModule,
        DeployModule,
        ApprovalModule,
        ResourceRequestModule,
        ToolboxModule,
        ...http,
      ],
    };
  }
}
