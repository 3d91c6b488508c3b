// The inventory every module shares: hosts with their addresses and latest poll, product lines,
// the application tree with instances and response persons. Knows the CMDB search language, not the CI engine.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AclModule } from '../../acl/acl.module';
import { AuditModule } from '../../audit/audit.module';
import { ExecutionModule } from '../../execution/execution.module';
import { ApplicationDependenciesService } from './application-dependencies.service';
import { ApplicationInstancesService } from './application-instances.service';
import { ApplicationPersonsService } from './application-persons.service';
import { ApplicationRows } from './application-rows';
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
  ],
  providers: [
    HostsService,
    HostQueryService,
    ApplicationsService,
    ApplicationRows,
    ApplicationDependenciesService,
    ApplicationPersonsService,
    ApplicationInstancesService,
    ProductionsService,
    InstanceLogsService,
    HostsResolver,
    ApplicationsResolver,
    ProductionsResolver,
  ],
  exports: [
    HostsService,
    HostQueryService,
    ApplicationsService,
    ApplicationDependenciesService,
    ApplicationPersonsService,
    ApplicationInstancesService,
    ProductionsService,
    InstanceLogsService,
  ],
})
export class InventoryModule {}
