import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DeployConfigColumns } from './deploy-config-columns';

/** Deploy settings shared by applications linked to it; an application's own values win. */
@ObjectType()
@Entity('deploy_templates')
export class DeployTemplate extends DeployConfigColumns {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 128, unique: true })
  name: string;

  @Field(() => String, { nullable: true, name: 'creator' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  creatorName: string | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
