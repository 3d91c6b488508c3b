import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Entity } from 'typeorm';
import { JsonColumn } from '../../database/column-types';
import type { RequestedRecord } from '../domain-records';
import { RequestColumns } from './request-columns';

/** A request for DNS records: approved, they are written to their zones through the DNS module. */
@ObjectType()
@Entity('domain_requests')
export class DomainRequest extends RequestColumns {
  /** Read by the resolver's `records` field. */
  @JsonColumn()
  records: RequestedRecord[];

  @Field(() => [Int])
  @JsonColumn()
  associatedAppIds: number[];
}
