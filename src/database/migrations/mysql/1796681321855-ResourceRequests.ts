import { MigrationInterface, QueryRunner } from 'typeorm';

export class ResourceRequests1796681321855 implements MigrationInterface {
  name = 'ResourceRequests1796681321855';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`certificate_authorities\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`certificate\` text NOT NULL, \`sealed_key\` text NOT NULL, \`not_after\` datetime NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_5b160d6951ebfb141fbfd83a0f\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`domain_requests\` (\`id\` int NOT NULL AUTO_INCREMENT, \`creator_id\` int NOT NULL, \`creator_name\` varchar(64) NOT NULL, \`status\` enum ('wait_review', 'approved', 'rejected', 'closed', 'finished') NOT NULL DEFAULT 'wait_review', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`finished_at\` datetime NULL, \`records\` text NOT NULL, \`associated_app_ids\` text NOT NULL, INDEX \`IDX_bc5d75847ad793f0ff033662ff\` (\`creator_id\`), INDEX \`IDX_fb921863567b585508ac64b74b\` (\`creator_name\`), INDEX \`IDX_5eb211d085bbfbc3dcb49e5524\` (\`status\`), INDEX \`IDX_5a9eb0801405f39815ae1eefa9\` (\`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`host_requests\` (\`id\` int NOT NULL AUTO_INCREMENT, \`creator_id\` int NOT NULL, \`creator_name\` varchar(64) NOT NULL, \`status\` enum ('wait_review', 'approved', 'rejected', 'closed', 'finished') NOT NULL DEFAULT 'wait_review', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`finished_at\` datetime NULL, \`purpose\` varchar(1000) NOT NULL, \`expect_delivery_days\` int NOT NULL DEFAULT '7', \`expiration_days\` int NULL, \`login_user_ids\` text NOT NULL, \`shipped_package_ids\` text NOT NULL, \`required_hosts\` text NOT NULL, \`host_ids\` text NOT NULL, INDEX \`IDX_372df09f72a21f2802643d65a8\` (\`creator_id\`), INDEX \`IDX_4fc65c31ba624a20ffd91ee252\` (\`creator_name\`), INDEX \`IDX_010745acc772c7b71d399189ad\` (\`status\`), INDEX \`IDX_7a06d9a09129ec17afbeed7b69\` (\`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ssl_certificate_requests\` (\`id\` int NOT NULL AUTO_INCREMENT, \`creator_id\` int NOT NULL, \`creator_name\` varchar(64) NOT NULL, \`status\` enum ('wait_review', 'approved', 'rejected', 'closed', 'finished') NOT NULL DEFAULT 'wait_review', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`finished_at\` datetime NULL, \`domain\` varchar(253) NOT NULL, \`certificate_type\` enum ('wizard', 'normal') NOT NULL, \`purpose\` varchar(1000) NULL, \`expect_delivery_days\` int NOT NULL DEFAULT '7', \`associated_app_ids\` text NOT NULL, \`csr\` text NULL, \`certificate\` text NULL, \`chain\` text NULL, \`key_source\` varchar(16) NULL, \`serial_number\` varchar(64) NULL, \`not_before\` datetime NULL, \`not_after\` datetime NULL, INDEX \`IDX_9e2e5a5d5c156de9ebef6fd1d8\` (\`creator_id\`), INDEX \`IDX_b3fc09dbe9d1a5480bcc76f40d\` (\`creator_name\`), INDEX \`IDX_df0fc83e9f80a81497f300aeb8\` (\`status\`), INDEX \`IDX_c3805787058531f214986597df\` (\`created_at\`), INDEX \`IDX_410446dbf58bda62a177d341c2\` (\`domain\`), INDEX \`IDX_f80ce9dad2eb8492fca64978d7\` (\`certificate_type\`), INDEX \`IDX_fa77b35509ba10a8ce40467c34\` (\`not_after\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_fa77b35509ba10a8ce40467c34\` ON \`ssl_certificate_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_f80ce9dad2eb8492fca64978d7\` ON \`ssl_certificate_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_410446dbf58bda62a177d341c2\` ON \`ssl_certificate_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_c3805787058531f214986597df\` ON \`ssl_certificate_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_df0fc83e9f80a81497f300aeb8\` ON \`ssl_certificate_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_b3fc09dbe9d1a5480bcc76f40d\` ON \`ssl_certificate_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_9e2e5a5d5c156de9ebef6fd1d8\` ON \`ssl_certificate_requests\``);
    await queryRunner.query(`DROP TABLE \`ssl_certificate_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_7a06d9a09129ec17afbeed7b69\` ON \`host_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_010745acc772c7b71d399189ad\` ON \`host_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_4fc65c31ba624a20ffd91ee252\` ON \`host_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_372df09f72a21f2802643d65a8\` ON \`host_requests\``);
    await queryRunner.query(`DROP TABLE \`host_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_5a9eb0801405f39815ae1eefa9\` ON \`domain_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_5eb211d085bbfbc3dcb49e5524\` ON \`domain_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_fb921863567b585508ac64b74b\` ON \`domain_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_bc5d75847ad793f0ff033662ff\` ON \`domain_requests\``);
    await queryRunner.query(`DROP TABLE \`domain_requests\``);
    await queryRunner.query(`DROP INDEX \`IDX_5b160d6951ebfb141fbfd83a0f\` ON \`certificate_authorities\``);
    await queryRunner.query(`DROP TABLE \`certificate_authorities\``);
  }
}
