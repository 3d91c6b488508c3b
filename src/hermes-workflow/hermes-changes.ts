import { Inject, Injectable, Logger } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { DataSource, In } from 'typeorm';
import { loggableError } from '../common/errors/problem';
import { HermesEvent } from './entities/hermes-event.entity';
import { HermesLabor } from './entities/hermes-labor.entity';

export const HERMES_EVENTS = 'hermes.events';
export const HERMES_LABORS = 'hermes.labors';

/** What one committed write did: the events it threw and the labors it opened or closed. */
export interface HermesChanges {
  events: HermesEvent[];
  laborIds: number[];
}

/**
 * Publishes committed changes to GraphQL subscribers (in memory or over Redis). Called after the
 * transaction commits, never inside it, so nobody hears of a change that was rolled back.
 */
@Injectable()
export class HermesChangesPublisher {
  private readonly logger = new Logger(HermesChangesPublisher.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PubSubEngine) private readonly pubsub: PubSubEngine,
  ) {}

  async publish(changes: HermesChanges): Promise<void> {
    try {
      for (const event of changes.events) await this.pubsub.publish(HERMES_EVENTS, { hermesEventThrown: event });
      if (changes.laborIds.length === 0) return;
      const labors = await this.dataSource
        .getRepository(HermesLabor)
        .find({ where: { id: In([...new Set(changes.laborIds)]) }, order: { id: 'ASC' } });
      for (const labor of labors) await this.pubsub.publish(HERMES_LABORS, { laborChanged: labor });
    } catch (e) {
      // The write is committed; a subscriber missing it must not turn the answer into an error.
      this.logger.warn({ err: loggableError(e) }, 'could not publish hermes changes');
    }
  }
}
