import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Float values, one row per value. */
@Entity('ci_values_float')
@Index(['ciId', 'attrId'])
@Index(['attrId', 'value', 'ciId'])
export class CiValueFloat {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  ciId: number;

  @Column({ type: 'int' })
  attrId: number;

  @Column({ type: 'double' })
  value: number;
}
