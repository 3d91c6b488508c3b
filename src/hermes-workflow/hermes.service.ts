import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { HermesEvent } from './entities/hermes-event.entity';
import { EventTypesService } from './event-types.service';
import { EventsService } from './events.service';

export interface ThrowEventInput {
  hostname?: string;
  hostnames?: string[];
  /** Either the type's id, or its category and state. */
  eventTypeId?: number;
  category?: string;
  state?: string;
  /** Who or what threw it; a bare name gets HERMES_DOMAIN appended. */
  user: string;
  note?: string | null;
}

/**
 * How other modules (scheduler, deploy) throw Hermes events. With an EntityManager the events
 * and their labors are written in the caller's transaction; without one in their own.
 */
@Injectable()
export class HermesService {
  constructor(
    private readonly events: EventsService,
    private readonly eventTypes: EventTypesService,
  ) {}

  async throwEvent(
    em: EntityManager | null,
    input: ThrowEventInput,
    actor: Principal | null = null,
  ): Promise<HermesEvent[]> {
    const eventTypeId = await this.eventTypes.resolveId(input);
    const hostnames = [...(input.hostname !== undefined ? [input.hostname] : []), ...(input.hostnames ?? [])];
    const request = { hostnames, eventTypeId, user: input.user, note: input.note ?? null };
    if (!em) return this.events.throw(actor, request);
    // Not published to subscribers: the caller's transaction may still roll back, and nothing
    // here learns when it commits.
    return (await this.events.throwIn(em, actor, request)).events;
  }
}
