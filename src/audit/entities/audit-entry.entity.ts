import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonValue } from '../../common/graphql/json.scalar';
import { JsonColumn } from '../../database/column-types';

/** One change (or security event) anywhere in the service. Append-only. */
@ObjectType()
@Entity('audit_entries')
@Index(['module', 'createdAt'])
@Index(['targetType', 'targetId'])
export class AuditEntry {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  operatorId: number | null;

  /** Kept as text so the entry outlives the user it names. */
  @Field(() => String, { nullable: true })
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  operatorName: string | null;

  @Field()
  @Column({ type: 'varchar', length: 32 })
  module: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  targetType: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  targetName: string | null;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 64 })
  operation: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Field(() => JsonValue, { nullable: true })
  @JsonColumn({ nullable: true })
  before: unknown;

  @Field(() => JsonValue, { nullable: true })
  @JsonColumn({ nullable: true })
  after: unknown;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  clientIp: string | null;

  @Field(() => GraphQLISODateTime)
  @Index()
  @CreateDateColumn()
  createdAt: Date;
}
