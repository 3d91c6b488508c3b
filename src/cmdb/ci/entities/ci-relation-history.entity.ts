import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One CI relation added (`0`) or deleted (`1`). */
@Entity('ci_relation_histories')
@Index(['recordId'])
@Index(['firstCiId'])
@Index(['secondCiId'])
export class CiRelationHistory {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  recordId: number;

  @Column({ type: 'int' })
  relationId: number;

  @Column({ type: 'int' })
  firstCiId: number;

  @Column({ type: 'int' })
  secondCiId: number;

  @Column({ type: 'int' })
  relationTypeId: number;

  @Column({ type: 'varchar', length: 8 })
  operateType: string;
}
