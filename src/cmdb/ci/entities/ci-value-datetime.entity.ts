import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Datetime and date values (a date at 00:00:00), UTC. */
@Entity('ci_values_datetime')
@Index(['ciId', 'attrId'])
@Index(['attrId', 'value', 'ciId'])
export class CiValueDatetime {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  ciId: number;

  @Column({ type: 'int' })
  attrId: number;

  @Column({ type: 'datetime' })
  value: Date;
}
