import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/errors/domain-errors';

/**
 * Answers a Hermes `hostQuery` with the ids of the matching hosts (id ascending; none is an empty
 * list, which selects nothing).
 */
@Injectable()
export class HermesHostQuery {
  async hostIds(query: string, field = 'hostQuery'): Promise<number[]> {
    throw new InvalidInputError(field, `Bad host query: ${query}`);
  }

  /** The hosts the user answers for. */
  async userHostIds(_user: string): Promise<number[]> {
    return [];
  }
}
