import { Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { REPOSITORY_TYPES, type RepositoryType } from '../deploy-config';
import { DeployScript } from './deploy-script.entity';
import { RepositoryCredential } from './repository-credential.entity';

/**
 * The columns of one layer of deploy settings (deploy-config.ts), shared by templates and
 * applications' settings. Null: not set in this layer. Scripts and credentials in use cannot be deleted.
 */
export abstract class DeployConfigColumns {
  @Column({ type: 'boolean', nullable: true })
  enabled: boolean | null;

  @Column({ type: 'simple-enum', enum: REPOSITORY_TYPES, nullable: true })
  repositoryType: RepositoryType | null;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  repositoryUrl: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  repositoryBranch: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  credentialId: number | null;

  @ManyToOne(() => RepositoryCredential, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: RepositoryCredential | null;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  deployPath: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  scriptRunningUser: string | null;

  @Column({ type: 'int', nullable: true })
  timeout: number | null;

  @Column({ type: 'int', nullable: true })
  keepBackups: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  globalPreExecScriptId: number | null;

  @ManyToOne(() => DeployScript, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'global_pre_exec_script_id' })
  globalPreExecScript?: DeployScript | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  globalPreExecRunningUser: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  preExecScriptId: number | null;

  @ManyToOne(() => DeployScript, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pre_exec_script_id' })
  preExecScript?: DeployScript | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  preExecRunningUser: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  postExecScriptId: number | null;

  @ManyToOne(() => DeployScript, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_exec_script_id' })
  postExecScript?: DeployScript | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  postExecRunningUser: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  globalPostExecScriptId: number | null;

  @ManyToOne(() => DeployScript, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'global_post_exec_script_id' })
  globalPostExecScript?: DeployScript | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  globalPostExecRunningUser: string | null;
}
