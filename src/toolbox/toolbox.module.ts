// The toolbox: external navigators (links to outside systems) and CDN refresh tasks, which call
// Wangsu, Tencent Cloud or Alibaba Cloud through one client interface on the job queue.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AclModule } from '../acl/acl.module';
import { AuditModule } from '../audit/audit.module';
import { CdnProvidersService } from './cdn-providers.service';
import { CdnRefreshProcessor } from './cdn-refresh.processor';
import { CdnRefreshResolver } from './cdn-refresh.resolver';
import { CdnRefreshService } from './cdn-refresh.service';
import { CdnProviderSetting } from './entities/cdn-provider-setting.entity';
import { CdnRefreshTask } from './entities/cdn-refresh-task.entity';
import { ExternalNavigator } from './entities/external-navigator.entity';
import { NavigatorsResolver } from './navigators.resolver';
import { NavigatorsService } from './navigators.service';

const SERVICES = [NavigatorsService, CdnRefreshService, CdnProvidersService];

@Module({
  imports: [TypeOrmModule.forFeature([ExternalNavigator, CdnRefreshTask, CdnProviderSetting]), AclModule, AuditModule],
  providers: [...SERVICES, CdnRefreshProcessor, NavigatorsResolver, CdnRefreshResolver],
  exports: SERVICES,
})
export class ToolboxModule {}
