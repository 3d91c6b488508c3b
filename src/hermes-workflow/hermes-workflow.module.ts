// Hermes workflows: event types, events thrown at hosts, fates that open and close labors,
// and quests that track labors over many hosts. Other modules throw events through HermesService.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AclModule } from '../acl/acl.module';
import { AuditModule } from '../audit/audit.module';
import { InventoryModule } from '../cmdb/inventory/inventory.module';
import { HermesEventType } from './entities/hermes-event-type.entity';
import { HermesEvent } from './entities/hermes-event.entity';
import { HermesFate } from './entities/hermes-fate.entity';
import { HermesLabor } from './entities/hermes-labor.entity';
import { HermesQuest } from './entities/hermes-quest.entity';
import { EventTypesResolver } from './event-types.resolver';
import { EventTypesService } from './event-types.service';
import { EventsResolver } from './events.resolver';
import { FatesResolver } from './fates.resolver';
import { LaborsResolver } from './labors.resolver';
import { QuestsResolver } from './quests.resolver';
import { EventsService } from './events.service';
import { FatesService } from './fates.service';
import { HermesChangesPublisher } from './hermes-changes';
import { HermesHostQuery } from './hermes-host-query';
import { HermesHostsService } from './hermes-hosts.service';
import { HermesService } from './hermes.service';
import { LaborsService } from './labors.service';
import { QuestsService } from './quests.service';

const SERVICES = [
  HermesHostQuery,
  EventTypesService,
  FatesService,
  EventsService,
  LaborsService,
  QuestsService,
  HermesHostsService,
  HermesService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([HermesEventType, HermesFate, HermesEvent, HermesQuest, HermesLabor]),
    AclModule,
    AuditModule,
    InventoryModule,
  ],
  providers: [
    ...SERVICES,
    HermesChangesPublisher,
    EventTypesResolver,
    FatesResolver,
    EventsResolver,
    LaborsResolver,
    QuestsResolver,
  ],
  exports: SERVICES,
})
export class HermesWorkflowModule {}
