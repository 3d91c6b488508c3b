import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JsonColumn } from '../../../database/column-types';

/** A named view over CI type relations: the (parent type, child type) pairs it walks. */
@Entity('ci_relation_views')
export class CiRelationView {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  name: string;

  @JsonColumn()
  crIds: { parent_id: number; child_id: number }[];

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
