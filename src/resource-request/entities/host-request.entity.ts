import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { JsonColumn } from '../../database/column-types';
import type { RequiredHost } from '../host-request-input';
import { RequestColumns } from './request-columns';

/** A request for machines: approved, they become raw hosts of the inventory with login for the named users. */
@ObjectType()
@Entity('host_requests')
export class HostRequest extends RequestColumns {
  @Field()
  @Column({ type: 'varchar', length: 1000 })
  purpose: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 7 })
  expectDeliveryDays: number;

  /** Days the hosts are kept; null: for good ("never" expires). */
  @Field(() => Int, { nullable: true, description: 'Days the hosts are kept; null: they never expire' })
  @Column({ type: 'int', nullable: true })
  expirationDays: number | null;

  /** Users who get login_host on the hosts. */
  @Field(() => [Int])
  @JsonColumn()
  loginUserIds: number[];

  /** Packages to ship on the hosts, by id (no package catalog exists here: kept as given). */
  @Field(() => [Int])
  @JsonColumn()
  shippedPackageIds: number[];

  /** Read by the resolver's `requiredHosts` field. */
  @JsonColumn()
  requiredHosts: RequiredHost[];

  /** The inventory hosts the approval created, in the order of `requiredHosts`. */
  @Field(() => [Int])
  @JsonColumn()
  hostIds: number[];
}
