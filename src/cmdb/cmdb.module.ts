// The CMDB: the CI engine (attributes, CI types, CIs, relations, history) and the inventory every
// module shares: hosts with their addresses and latest poll, product lines, the application tree.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AclModule } from '../acl/acl.module';
import { AuditModule } from '../audit/audit.module';
import { ExecutionModule } from '../execution/execution.module';
import { CiModule } from './ci/ci.module';
import { ApplicationsResolver } from './applications.resolver';
import { ApplicationsService } from './applications.service';
import { ApplicationInstance } from './entities/application-instance.entity';
import { Application } from './entities/application.entity';
import { HostPoll } from './entities/host-poll.entity';
import { Host } from './entities/host.entity';
import { IpAddress } from './entities/ip-address.entity';
import { Production } from './entities/production.entity';
import { ResponsePerson } from './entities/response-person.entity';
import { HostQueryService } from './host-query.service';
import { HostsResolver } from './hosts.resolver';
import { HostsService } from './hosts.service';
import { InstanceLogsService } from './instance-logs.service';
import { ProductionsResolver } from './productions.resolver';
import { ProductionsService } from './productions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Host, IpAddress, HostPoll, Production, Application, ApplicationInstance, ResponsePerson]),
    AclModule,
    AuditModule,
    ExecutionModule,
    CiModule,
  ],
  providers: [
    HostsService,
    HostQueryService,
    ApplicationsService,
    ProductionsService,
    InstanceLogsService,
    HostsResolver,
    ApplicationsResolver,
    ProductionsResolver,
  ],
  exports: [HostsService, HostQueryService, ApplicationsService, ProductionsService, InstanceLogsService, CiModule],
})
export class CmdbModule {}
