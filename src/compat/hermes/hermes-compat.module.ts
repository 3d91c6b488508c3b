// The hermes REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_HERMES); controllers translate its wire format to domain services.
import { Module } from '@nestjs/common';
import { HermesWorkflowModule } from '../../hermes-workflow/hermes-workflow.module';
import { HermesEventTypesController } from './hermes-event-types.controller';
import { HermesEventsController } from './hermes-events.controller';
import { HermesFatesController } from './hermes-fates.controller';
import { HermesHostsController } from './hermes-hosts.controller';
import { HermesLaborsController } from './hermes-labors.controller';
import { HermesQuestsController } from './hermes-quests.controller';
import { HermesServerController } from './hermes-server.controller';
import { HermesWire } from './hermes-wire';

@Module({
  imports: [HermesWorkflowModule],
  controllers: [
    HermesHostsController,
    HermesEventTypesController,
    HermesEventsController,
    HermesFatesController,
    HermesLaborsController,
    HermesQuestsController,
    HermesServerController,
  ],
  providers: [HermesWire],
})
export class HermesCompatModule {}
