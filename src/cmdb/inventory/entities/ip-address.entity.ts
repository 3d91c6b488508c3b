import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Host } from './host.entity';

export enum AddrType {
  PRIVATE = 'PRIVATE',
  PUBLIC = 'PUBLIC',
}
registerEnumType(AddrType, { name: 'AddrType' });

export enum AddrOwner {
  HOST = 'HOST',
  LB = 'LB',
}
registerEnumType(AddrOwner, { name: 'AddrOwner' });

/** An address of a host (or of a load balancer in front of it). */
@ObjectType()
@Entity('ip_addresses')
@Index(['hostId', 'address'], { unique: true })
export class IpAddress {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  hostId: number;

  @ManyToOne(() => Host, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'host_id' })
  host?: Host;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 45 })
  address: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 45, nullable: true })
  netmask: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  network: string | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  isVirtual: boolean;

  @Field(() => AddrType)
  @Column({ type: 'simple-enum', enum: AddrType, default: AddrType.PRIVATE })
  addrType: AddrType;

  @Field(() => AddrOwner)
  @Column({ type: 'simple-enum', enum: AddrOwner, default: AddrOwner.HOST })
  owner: AddrOwner;
}
