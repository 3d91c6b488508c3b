import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A named thing permissions are granted on (e.g. one CI type); unique within its type. */
@ObjectType()
@Entity('acl_resources')
@Index(['typeId', 'name'], { unique: true })
export class AclResource {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  typeId: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
