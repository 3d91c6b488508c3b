import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A parent (first) → child (second) link between two CIs, of the relation type of their types' relation. */
@ObjectType()
@Entity('ci_relations')
@Index(['firstCiId', 'secondCiId'], { unique: true })
@Index(['secondCiId'])
export class CiRelation {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  firstCiId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  secondCiId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  relationTypeId: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  more: number | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;
}
