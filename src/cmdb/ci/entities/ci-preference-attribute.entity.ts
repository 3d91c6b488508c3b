import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A column a user shows for a CI type, in the user's order. */
@Entity('ci_preference_attributes')
@Index(['userId', 'typeId', 'attrId'], { unique: true })
@Index(['attrId'])
export class CiPreferenceAttribute {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  typeId: number;

  @Column({ type: 'int' })
  attrId: number;

  @Column({ type: 'int', default: 0 })
  position: number;
}
