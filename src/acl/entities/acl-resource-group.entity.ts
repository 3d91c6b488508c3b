import { Field, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AclResource } from './acl-resource.entity';

/** A named set of resources of one type; a grant on the group applies to each member. */
@ObjectType()
@Entity('acl_resource_groups')
@Index(['typeId', 'name'], { unique: true })
export class AclResourceGroup {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  typeId: number;

  @ManyToMany(() => AclResource)
  @JoinTable({
    name: 'acl_resource_group_items',
    joinColumn: { name: 'group_id' },
    inverseJoinColumn: { name: 'resource_id' },
  })
  items?: AclResource[];

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
