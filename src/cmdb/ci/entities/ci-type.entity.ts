import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A kind of CI (server, vm, project…): the attributes it carries and the one that identifies its CIs. */
@ObjectType()
@Entity('ci_types')
@Index(['name'])
@Index(['alias'])
export class CiType {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  alias: string;

  /** The key attribute: its value identifies a CI within the type. */
  @Field(() => Int)
  @Column({ type: 'int' })
  uniqueId: number;

  @Field()
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Field()
  @Column({ type: 'boolean', default: false })
  isAttached: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  iconUrl: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'boolean', default: false })
  deleted: boolean;

  @Column({ type: 'datetime', nullable: true })
  deletedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
