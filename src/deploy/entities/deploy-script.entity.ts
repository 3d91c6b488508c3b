import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A lifecycle hook's script: bash or python, a Jinja template rendered for each instance it runs on. */
@ObjectType()
@Entity('deploy_scripts')
export class DeployScript {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 128, unique: true })
  name: string;

  @Field({ description: 'bash or python' })
  @Column({ type: 'varchar', length: 16 })
  language: string;

  @Field()
  @Column({ type: 'text' })
  content: string;

  @Field({ description: 'jinja' })
  @Column({ type: 'varchar', length: 16 })
  templateEngine: string;

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
