import { Injectable } from '@nestjs/common';
import { ApplicationPersonsService } from '../cmdb/inventory/application-persons.service';
import { HostQueryService } from '../cmdb/inventory/host-query.service';

/**
 * Hermes `hostQuery` and `userQuery`, answered from the inventory instead of the original's
 * external plugin: host queries by the CMDB search language over hosts (`hostname:web-*`), a
 * user's hosts through the applications that user answers for.
 */
@Injectable()
export class HermesHostQuery {
  constructor(
    private readonly hostQuery: HostQueryService,
    private readonly persons: ApplicationPersonsService,
  ) {}

  /** Ids of the matching hosts, ascending; none matching is an empty list, which selects nothing. */
  async hostIds(query: string, field = 'hostQuery'): Promise<number[]> {
    return (await this.hostQuery.find(query, field)).map((h) => h.id);
  }

  /** Hosts with an instance of an application the user (username or mail address) answers for. */
  userHostIds(user: string): Promise<number[]> {
    return this.persons.hostIdsAnsweredBy(user);
  }
}
