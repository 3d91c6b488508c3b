import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A link to an outside system on the dashboard: a name, an image and an http(s) address. */
@ObjectType()
@Entity('external_navigators')
export class ExternalNavigator {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Field({ description: 'A path on this site (/imgs/a.jpg) or an http(s) URL' })
  @Column({ type: 'varchar', length: 2048 })
  img: string;

  @Field({ description: 'An http(s) URL' })
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  creatorId: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  creatorName: string;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
