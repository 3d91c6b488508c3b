import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One allowed value of an attribute with a choice list, in list order. */
@Entity('ci_attribute_choices')
@Index(['attrId', 'position'])
export class CiAttributeChoice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  attrId: number;

  @Column({ type: 'varchar', length: 255 })
  value: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
