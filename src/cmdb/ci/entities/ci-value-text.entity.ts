import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Text and time values; `value_key` is the value's first 191 characters, what the search index holds. */
@Entity('ci_values_text')
@Index(['ciId', 'attrId'])
@Index(['attrId', 'valueKey', 'ciId'])
export class CiValueText {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  ciId: number;

  @Column({ type: 'int' })
  attrId: number;

  @Column({ type: 'text' })
  value: string;

  @Column({ type: 'varchar', length: 191 })
  valueKey: string;
}
