import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from './application.entity';
import { Host } from './host.entity';

export enum InstanceStatus {
  RESTARTING = 'restarting',
  RUNNING = 'running',
  STOPPED = 'stopped',
  UPDATING = 'updating',
  REVERTING = 'reverting',
}
registerEnumType(InstanceStatus, { name: 'InstanceStatus' });

/** An application deployed on a host. */
@ObjectType()
@Entity('application_instances')
@Index(['applicationId', 'hostId'], { unique: true })
export class ApplicationInstance {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Field(() => Int)
  @Index()
  @Column({ type: 'int' })
  hostId: number;

  @ManyToOne(() => Host, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'host_id' })
  host?: Host;

  @Field(() => InstanceStatus)
  @Column({ type: 'simple-enum', enum: InstanceStatus, default: InstanceStatus.STOPPED })
  status: InstanceStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 128, nullable: true })
  version: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
