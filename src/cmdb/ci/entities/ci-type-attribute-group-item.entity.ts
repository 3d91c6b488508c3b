import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An attribute in an attribute group, in group order. */
@Entity('ci_type_attribute_group_items')
@Index(['groupId', 'attrId'], { unique: true })
@Index(['attrId'])
export class CiTypeAttributeGroupItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  groupId: number;

  @Column({ type: 'int' })
  attrId: number;

  @Column({ type: 'int', default: 0 })
  position: number;
}
