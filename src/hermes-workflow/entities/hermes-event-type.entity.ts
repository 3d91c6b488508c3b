import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What happened, as a category and a state (`system-reboot` / `required`); unique as a pair. */
@ObjectType('HermesEventType')
@Entity('hermes_event_types')
@Index(['category', 'state'], { unique: true })
export class HermesEventType {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  category: string;

  @Field()
  @Column({ type: 'varchar', length: 32 })
  state: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1024, nullable: true })
  description: string | null;

  /** Advisory: interactive clients refuse to throw events of a restricted type; the API accepts them. */
  @Field()
  @Column({ type: 'boolean', default: false })
  restricted: boolean;
}
