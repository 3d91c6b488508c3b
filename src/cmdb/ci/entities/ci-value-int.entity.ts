import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Int values, one row per value (a multi-value attribute has one row per element). */
@Entity('ci_values_int')
@Index(['ciId', 'attrId'])
@Index(['attrId', 'value', 'ciId'])
export class CiValueInt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  ciId: number;

  @Column({ type: 'int' })
  attrId: number;

  @Column({ type: 'bigint' })
  value: string | number;
}
