import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A CI type on a type group. */
@Entity('ci_type_group_items')
@Index(['groupId', 'typeId'], { unique: true })
@Index(['typeId'])
export class CiTypeGroupItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  groupId: number;

  @Column({ type: 'int' })
  typeId: number;

  @Column({ type: 'int', default: 0 })
  position: number;
}
