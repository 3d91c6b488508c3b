import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Application } from '../../cmdb/inventory/entities/application.entity';
import { DeployConfigColumns } from './deploy-config-columns';
import { DeployTemplate } from './deploy-template.entity';

/**
 * An application's own deploy settings and its template link. Made on the first change; goes
 * with its application.
 */
@Entity('deploy_settings')
export class DeploySetting extends DeployConfigColumns {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Index()
  @Column({ type: 'int', nullable: true })
  templateId: number | null;

  @ManyToOne(() => DeployTemplate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id' })
  template?: DeployTemplate | null;

  /** Who first changed the application's settings. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  creatorName: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
