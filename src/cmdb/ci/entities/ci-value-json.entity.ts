import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** JSON values, kept as their text; not searchable. */
@Entity('ci_values_json')
@Index(['ciId', 'attrId'])
export class CiValueJson {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  ciId: number;

  @Column({ type: 'int' })
  attrId: number;

  @Column({ type: 'text' })
  value: string;
}
