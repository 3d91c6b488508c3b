import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SubjectType = 'user' | 'role';

/**
 * One permission given to a user or a role, on a target: a module
 * (`module`/`application`), one resource (`host`/`12`), or a CMDB ACL resource
 * or resource group. No deny: effective rights are the union of grants.
 */
@ObjectType()
@Entity('grants')
@Index(['subjectType', 'subjectId', 'resourceType', 'resourceId', 'permission'], { unique: true })
@Index(['resourceType', 'resourceId'])
export class Grant {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'user or role' })
  @Column({ type: 'varchar', length: 8 })
  subjectType: SubjectType;

  @Field(() => Int)
  @Column({ type: 'int' })
  subjectId: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  permission: string;

  @Field()
  @Column({ type: 'varchar', length: 32 })
  resourceType: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  resourceId: string;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;
}
