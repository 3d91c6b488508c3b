import { MigrationInterface, QueryRunner } from 'typeorm';

export class Toolbox1796682671262 implements MigrationInterface {
  name = 'Toolbox1796682671262';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`cdn_provider_settings\` (\`provider\` varchar(16) NOT NULL, \`endpoint\` varchar(2048) NOT NULL, \`access_key_id\` varchar(255) NOT NULL, \`sealed_secret\` text NULL, \`updated_by\` varchar(64) NULL, \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`provider\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cdn_refresh_tasks\` (\`id\` int NOT NULL AUTO_INCREMENT, \`urls\` text NOT NULL, \`provider\` enum ('wangsu', 'tecent', 'ali') NOT NULL, \`refresh_mode\` enum ('single_file', 'recursive') NOT NULL, \`status\` enum ('running', 'finished', 'failed') NOT NULL DEFAULT 'running', \`error\` text NULL, \`provider_task_id\` varchar(128) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`creator_id\` int NOT NULL, \`creator_name\` varchar(64) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`finished_at\` datetime NULL, INDEX \`IDX_f595d032c93686ad269955ee7c\` (\`provider\`), INDEX \`IDX_4bc9621ff4d8339d611b4d170a\` (\`status\`), INDEX \`IDX_a352c011cb19482414703b475f\` (\`creator_name\`), INDEX \`IDX_bfc76503343dc9901ba1fa08f3\` (\`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`external_navigators\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(128) NOT NULL, \`img\` varchar(2048) NOT NULL, \`url\` varchar(2048) NOT NULL, \`creator_id\` int NOT NULL, \`creator_name\` varchar(64) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_d11ec816892a1ad00a9599dd86\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_d11ec816892a1ad00a9599dd86\` ON \`external_navigators\``);
    await queryRunner.query(`DROP TABLE \`external_navigators\``);
    await queryRunner.query(`DROP INDEX \`IDX_bfc76503343dc9901ba1fa08f3\` ON \`cdn_refresh_tasks\``);
    await queryRunner.query(`DROP INDEX \`IDX_a352c011cb19482414703b475f\` ON \`cdn_refresh_tasks\``);
    await queryRunner.query(`DROP INDEX \`IDX_4bc9621ff4d8339d611b4d170a\` ON \`cdn_refresh_tasks\``);
    await queryRunner.query(`DROP INDEX \`IDX_f595d032c93686ad269955ee7c\` ON \`cdn_refresh_tasks\``);
    await queryRunner.query(`DROP TABLE \`cdn_refresh_tasks\``);
    await queryRunner.query(`DROP TABLE \`cdn_provider_settings\``);
  }
}
