import { MigrationInterface, QueryRunner } from 'typeorm';

export class Approvals1796681255690 implements MigrationInterface {
  name = 'Approvals1796681255690';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`approval_decisions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`approval_id\` int NOT NULL, \`action\` varchar(16) NOT NULL, \`user_id\` int NULL, \`username\` varchar(64) NULL, \`reason\` text NULL, \`to_user_id\` int NULL, \`to_username\` varchar(64) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_4101967ba63c8c09f30d180ca7\` (\`approval_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`approvals\` (\`id\` int NOT NULL AUTO_INCREMENT, \`resource_type\` varchar(32) NOT NULL, \`resource_id\` varchar(64) NOT NULL, \`review_permission\` varchar(64) NOT NULL, \`scope_type\` varchar(32) NOT NULL, \`scope_id\` varchar(64) NOT NULL, \`level\` varchar(1) NULL, \`required_approvals\` int NOT NULL DEFAULT '1', \`status\` enum ('wait_review', 'approved', 'rejected', 'running', 'finished', 'failed', 'closed') NOT NULL DEFAULT 'wait_review', \`requester_id\` int NOT NULL, \`requester_name\` varchar(64) NOT NULL, \`assignee_id\` int NULL, \`planned_exec_time\` datetime NULL, \`error\` text NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_91859798d3d63b6121e2499b32\` (\`assignee_id\`), INDEX \`IDX_86b1895d02c86f4a48c68e9224\` (\`status\`, \`planned_exec_time\`), UNIQUE INDEX \`IDX_106970c507e77aba1404e3cee4\` (\`resource_type\`, \`resource_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_106970c507e77aba1404e3cee4\` ON \`approvals\``);
    await queryRunner.query(`DROP INDEX \`IDX_86b1895d02c86f4a48c68e9224\` ON \`approvals\``);
    await queryRunner.query(`DROP INDEX \`IDX_91859798d3d63b6121e2499b32\` ON \`approvals\``);
    await queryRunner.query(`DROP TABLE \`approvals\``);
    await queryRunner.query(`DROP INDEX \`IDX_4101967ba63c8c09f30d180ca7\` ON \`approval_decisions\``);
    await queryRunner.query(`DROP TABLE \`approval_decisions\``);
  }
}
