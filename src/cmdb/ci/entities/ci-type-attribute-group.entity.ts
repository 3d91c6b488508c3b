import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A named section of a CI type's attributes, for forms. */
@Entity('ci_type_attribute_groups')
@Index(['typeId', 'name'], { unique: true })
export class CiTypeAttributeGroup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  typeId: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'int', default: 0 })
  position: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
