import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Which CIs of the child type may hang under CIs of the parent type, and how: at most one per pair. */
@ObjectType()
@Entity('ci_type_relations')
@Index(['parentId', 'childId'], { unique: true })
@Index(['childId'])
export class CiTypeRelation {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  parentId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  childId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  relationTypeId: number;
}
