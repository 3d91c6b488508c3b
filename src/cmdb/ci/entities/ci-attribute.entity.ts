import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A CI attribute: global, picked by CI types. Deleting one only flags it, so history keeps its name;
 * name and alias are unique among the live ones (the service checks, case-insensitively).
 */
@ObjectType()
@Entity('ci_attributes')
@Index(['name'])
@Index(['alias'])
export class CiAttribute {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  alias: string;

  /** `0` int, `1` float, `2` text, `3` datetime, `4` date, `5` time, `6` json. */
  @Field({ description: '0 int, 1 float, 2 text, 3 datetime, 4 date, 5 time, 6 json' })
  @Column({ type: 'varchar', length: 8 })
  valueType: string;

  @Field({ description: 'Multi-value: one stored row per element' })
  @Column({ type: 'boolean', default: false })
  isList: boolean;

  @Field({ description: 'No two CIs (of any type) may hold the same value' })
  @Column({ type: 'boolean', default: false })
  isUnique: boolean;

  @Field()
  @Column({ type: 'boolean', default: false })
  isIndex: boolean;

  @Field()
  @Column({ type: 'boolean', default: false })
  isLink: boolean;

  @Field({ description: 'Values are stored encrypted and never shown' })
  @Column({ type: 'boolean', default: false })
  isPassword: boolean;

  @Field()
  @Column({ type: 'boolean', default: false })
  isSortable: boolean;

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
