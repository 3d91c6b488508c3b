import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A long-lived token for scripts: `Authorization: Token <value>`. Only its hash is kept. */
@ObjectType()
@Entity('api_tokens')
export class ApiToken {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  description: string | null;

  /** The user the token acts as (its creator). */
  @Field(() => Int)
  @Index()
  @Column({ type: 'int' })
  userId: number;

  /** SHA-256 hex of the value: the value has 160 random bits, so no slow hash is needed. */
  @Column({ type: 'varchar', length: 64, unique: true })
  valueHash: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;
}
