import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from './user.entity';

/** A group of people; inherits every grant of its parent roles, transitively. */
@ObjectType()
@Entity('roles')
export class Role {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 64, unique: true })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  description: string | null;

  /** Members of an admin role are allowed everything (CMDB `is_app_admin`). */
  @Field()
  @Column({ type: 'boolean', default: false })
  isAdmin: boolean;

  @ManyToMany(() => Role)
  @JoinTable({ name: 'role_parents', joinColumn: { name: 'child_id' }, inverseJoinColumn: { name: 'parent_id' } })
  parents?: Role[];

  @ManyToMany(() => User, (user) => user.roles, { onDelete: 'CASCADE' })
  users?: User[];

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
