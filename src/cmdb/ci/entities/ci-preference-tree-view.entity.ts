import { Entity, Index, PrimaryGeneratedColumn, Column } from 'typeorm';
import { JsonColumn } from '../../../database/column-types';

/** A user's tree of a CI type's CIs, grouped by these attributes level by level. */
@Entity('ci_preference_tree_views')
@Index(['userId', 'typeId'], { unique: true })
export class CiPreferenceTreeView {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  typeId: number;

  /** Attribute ids, outermost level first. */
  @JsonColumn()
  levels: number[];
}
