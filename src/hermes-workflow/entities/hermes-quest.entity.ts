import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { HermesTimeColumn } from './hermes-time.column';

/** A group of labors thrown at once over many hosts; complete when its last labor closes. */
@ObjectType('HermesQuest')
@Entity('hermes_quests')
export class HermesQuest {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index()
  @HermesTimeColumn()
  embarkTime: string;

  @Field(() => String, { nullable: true })
  @HermesTimeColumn({ nullable: true })
  targetTime: string | null;

  @Field(() => String, { nullable: true })
  @HermesTimeColumn({ nullable: true })
  completionTime: string | null;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 255 })
  creator: string;

  @Field()
  @Column({ type: 'text' })
  description: string;
}
