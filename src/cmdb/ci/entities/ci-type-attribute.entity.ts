import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An attribute a CI type carries, with its place and whether new CIs must give it. */
@Entity('ci_type_attributes')
@Index(['typeId', 'attrId'], { unique: true })
@Index(['attrId'])
export class CiTypeAttribute {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  typeId: number;

  @Column({ type: 'int' })
  attrId: number;

  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'boolean', default: false })
  isRequired: boolean;

  @Column({ type: 'boolean', default: true })
  defaultShow: boolean;
}
