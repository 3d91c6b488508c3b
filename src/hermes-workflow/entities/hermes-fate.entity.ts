import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HermesEventType } from './hermes-event-type.entity';

/**
 * Which event type opens a labor. Without `followsId` a fate starts chains; with it, it only
 * closes (and continues) labors of the fate it follows.
 */
@ObjectType('HermesFate')
@Entity('hermes_fates')
export class HermesFate {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Index()
  @Column({ type: 'int' })
  creationTypeId: number;

  @ManyToOne(() => HermesEventType)
  @JoinColumn({ name: 'creation_type_id' })
  creationType?: HermesEventType;

  @Field(() => Int, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  followsId: number | null;

  @ManyToOne(() => HermesFate)
  @JoinColumn({ name: 'follows_id' })
  follows?: HermesFate | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  forCreator: boolean;

  @Field()
  @Column({ type: 'boolean', default: true })
  forOwner: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2048, nullable: true })
  description: string | null;
}
