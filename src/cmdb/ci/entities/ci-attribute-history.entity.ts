import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One attribute value added (`0`), deleted (`1`) or changed (`2`); a CI's own deletion has no attribute. */
@Entity('ci_attribute_histories')
@Index(['recordId'])
@Index(['ciId', 'id'])
export class CiAttributeHistory {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  recordId: number;

  @Column({ type: 'int' })
  ciId: number;

  @Column({ type: 'int', nullable: true })
  attrId: number | null;

  @Column({ type: 'varchar', length: 8 })
  operateType: string;

  /** Values as text: numbers in decimal, dates formatted, lists and objects as JSON. */
  @Column({ type: 'text', nullable: true })
  old: string | null;

  @Column({ type: 'text', nullable: true })
  new: string | null;
}
