import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum HostType {
  ALI_ECS = 'ALI_ECS',
  PHY_HOST = 'PHY_HOST',
  TECENT_CVM = 'TECENT_CVM',
  TECENT_CPM = 'TECENT_CPM',
  CLOUDSTACK = 'CLOUDSTACK',
  CLOUDSTACK_OFFICE = 'CLOUDSTACK_OFFICE',
  OTHER = 'OTHER',
}
registerEnumType(HostType, { name: 'HostType' });

export enum HostStatus {
  ATTACHED = 'attached',
  INITED = 'inited',
  RAW = 'raw',
  OFFLINE = 'offline',
}
registerEnumType(HostStatus, { name: 'HostStatus' });

export enum OsStatus {
  STOPPED = 'stopped',
  RUNNING = 'running',
  RESTARTING = 'restarting',
}
registerEnumType(OsStatus, { name: 'OsStatus' });

/**
 * A machine. The one row every module means by "host": a Sophon host, an ops
 * machine, a platform host and a Hermes host alike.
 */
@ObjectType()
@Entity('hosts')
export class Host {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 255, unique: true })
  name: string;

  @Field(() => HostType)
  @Index()
  @Column({ type: 'simple-enum', enum: HostType, default: HostType.OTHER })
  hostType: HostType;

  @Field(() => HostStatus)
  @Column({ type: 'simple-enum', enum: HostStatus, default: HostStatus.RAW })
  status: HostStatus;

  @Field(() => OsStatus, { nullable: true })
  @Column({ type: 'simple-enum', enum: OsStatus, nullable: true })
  osStatus: OsStatus | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 128, nullable: true })
  osType: string | null;

  @Field(() => Int, { nullable: true, description: 'CPU cores' })
  @Column({ type: 'int', nullable: true })
  cpu: number | null;

  @Field(() => Int, { nullable: true, description: 'Memory in MB' })
  @Column({ type: 'int', nullable: true })
  memory: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  usage: string | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  isInitialized: boolean;

  /** Where to reach the host over SSH; the address defaults to the first private IP. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  sshAddress: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 22 })
  sshPort: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  sshUser: string | null;

  /** Sealed credential (SecretBox): never part of a response. */
  @Column({ type: 'text', nullable: true })
  sshSecret: string | null;

  @Field(() => String, { nullable: true, description: 'private_key or password; the secret itself is never shown' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  sshSecretKind: 'private_key' | 'password' | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
