import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Host } from './host.entity';

/** The latest polled state of a host; the scheduler overwrites it at every poll. */
@ObjectType()
@Entity('host_polls')
export class HostPoll {
  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  hostId: number;

  @OneToOne(() => Host, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'host_id' })
  host?: Host;

  @Field()
  @Column({ type: 'boolean', default: false })
  reachable: boolean;

  @Field(() => Float, { nullable: true, description: '1-minute load average' })
  @Column({ type: 'float', nullable: true })
  load1: number | null;

  @Field(() => Float, { nullable: true, description: 'Memory in use, percent' })
  @Column({ type: 'float', nullable: true })
  memoryUsed: number | null;

  @Field(() => Float, { nullable: true, description: 'Root file system in use, percent' })
  @Column({ type: 'float', nullable: true })
  diskUsed: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  polledAt: Date | null;
}
