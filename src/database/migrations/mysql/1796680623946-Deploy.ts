import { MigrationInterface, QueryRunner } from 'typeorm';

export class Deploy1796680623946 implements MigrationInterface {
  name = 'Deploy1796680623946';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`deploy_scripts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(128) NOT NULL, \`language\` varchar(16) NOT NULL, \`content\` text NOT NULL, \`template_engine\` varchar(16) NOT NULL, \`creator_name\` varchar(64) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_2484dff3481e7683653f512565\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`repository_credentials\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(128) NOT NULL, \`type\` enum ('PASSWORD', 'SSH_PRIVATE_KEY') NOT NULL, \`username\` varchar(128) NOT NULL, \`sealed_secret\` text NOT NULL, \`creator_name\` varchar(64) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_5a2c06aaad00bc5f43928faaad\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`deploy_templates\` (\`enabled\` tinyint NULL, \`repository_type\` enum ('GIT', 'SVN', 'HTTP', 'FTP', 'PATH') NULL, \`repository_url\` varchar(1024) NULL, \`repository_branch\` varchar(255) NULL, \`credential_id\` int NULL, \`deploy_path\` varchar(1024) NULL, \`script_running_user\` varchar(32) NULL, \`timeout\` int NULL, \`keep_backups\` int NULL, \`global_pre_exec_script_id\` int NULL, \`global_pre_exec_running_user\` varchar(32) NULL, \`pre_exec_script_id\` int NULL, \`pre_exec_running_user\` varchar(32) NULL, \`post_exec_script_id\` int NULL, \`post_exec_running_user\` varchar(32) NULL, \`global_post_exec_script_id\` int NULL, \`global_post_exec_running_user\` varchar(32) NULL, \`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(128) NOT NULL, \`creator_name\` varchar(64) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_984cb564fff72e3ffa6facb717\` (\`credential_id\`), INDEX \`IDX_da995864c972eaf7af71135ded\` (\`global_pre_exec_script_id\`), INDEX \`IDX_3fd99a839b0a1c5dc5f913c5c4\` (\`pre_exec_script_id\`), INDEX \`IDX_42ad5dfd64a393896a28daa105\` (\`post_exec_script_id\`), INDEX \`IDX_329c9699e12aff8dd5ff01f5f8\` (\`global_post_exec_script_id\`), UNIQUE INDEX \`IDX_ca3bd9f98e083da7e7a0434244\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`deploy_settings\` (\`enabled\` tinyint NULL, \`repository_type\` enum ('GIT', 'SVN', 'HTTP', 'FTP', 'PATH') NULL, \`repository_url\` varchar(1024) NULL, \`repository_branch\` varchar(255) NULL, \`credential_id\` int NULL, \`deploy_path\` varchar(1024) NULL, \`script_running_user\` varchar(32) NULL, \`timeout\` int NULL, \`keep_backups\` int NULL, \`global_pre_exec_script_id\` int NULL, \`global_pre_exec_running_user\` varchar(32) NULL, \`pre_exec_script_id\` int NULL, \`pre_exec_running_user\` varchar(32) NULL, \`post_exec_script_id\` int NULL, \`post_exec_running_user\` varchar(32) NULL, \`global_post_exec_script_id\` int NULL, \`global_post_exec_running_user\` varchar(32) NULL, \`id\` int NOT NULL AUTO_INCREMENT, \`application_id\` int NOT NULL, \`template_id\` int NULL, \`creator_name\` varchar(64) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_d8fc6cf95d5ae3beae6ff7ab1d\` (\`credential_id\`), INDEX \`IDX_8e735a7706482978e8bce9d7bf\` (\`global_pre_exec_script_id\`), INDEX \`IDX_c569db72601039d671f4cb95bc\` (\`pre_exec_script_id\`), INDEX \`IDX_97897f788ae2c3221e4c5b3031\` (\`post_exec_script_id\`), INDEX \`IDX_70348d1a20895b1ba2bedbb293\` (\`global_post_exec_script_id\`), UNIQUE INDEX \`IDX_6a5e49ef598fc088b526866e57\` (\`application_id\`), INDEX \`IDX_c5faf042ab87cbc974ff96ea71\` (\`template_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_templates\` ADD CONSTRAINT \`FK_984cb564fff72e3ffa6facb717f\` FOREIGN KEY (\`credential_id\`) REFERENCES \`repository_credentials\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_templates\` ADD CONSTRAINT \`FK_da995864c972eaf7af71135ded2\` FOREIGN KEY (\`global_pre_exec_script_id\`) REFERENCES \`deploy_scripts\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_templates\` ADD CONSTRAINT \`FK_3fd99a839b0a1c5dc5f913c5c4c\` FOREIGN KEY (\`pre_exec_script_id\`) REFERENCES \`deploy_scripts\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_templates\` ADD CONSTRAINT \`FK_42ad5dfd64a393896a28daa105e\` FOREIGN KEY (\`post_exec_script_id\`) REFERENCES \`deploy_scripts\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_templates\` ADD CONSTRAINT \`FK_329c9699e12aff8dd5ff01f5f8a\` FOREIGN KEY (\`global_post_exec_script_id\`) REFERENCES \`deploy_scripts\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_settings\` ADD CONSTRAINT \`FK_d8fc6cf95d5ae3beae6ff7ab1da\` FOREIGN KEY (\`credential_id\`) REFERENCES \`repository_credentials\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_settings\` ADD CONSTRAINT \`FK_8e735a7706482978e8bce9d7bfe\` FOREIGN KEY (\`global_pre_exec_script_id\`) REFERENCES \`deploy_scripts\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_settings\` ADD CONSTRAINT \`FK_c569db72601039d671f4cb95bca\` FOREIGN KEY (\`pre_exec_script_id\`) REFERENCES \`deploy_scripts\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_settings\` ADD CONSTRAINT \`FK_97897f788ae2c3221e4c5b3031c\` FOREIGN KEY (\`post_exec_script_id\`) REFERENCES \`deploy_scripts\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_settings\` ADD CONSTRAINT \`FK_70348d1a20895b1ba2bedbb2933\` FOREIGN KEY (\`global_post_exec_script_id\`) REFERENCES \`deploy_scripts\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_settings\` ADD CONSTRAINT \`FK_6a5e49ef598fc088b526866e570\` FOREIGN KEY (\`application_id\`) REFERENCES \`applications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`deploy_settings\` ADD CONSTRAINT \`FK_c5faf042ab87cbc974ff96ea71e\` FOREIGN KEY (\`template_id\`) REFERENCES \`deploy_templates\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`deploy_settings\` DROP FOREIGN KEY \`FK_c5faf042ab87cbc974ff96ea71e\``);
    await queryRunner.query(`ALTER TABLE \`deploy_settings\` DROP FOREIGN KEY \`FK_6a5e49ef598fc088b526866e570\``);
    await queryRunner.query(`ALTER TABLE \`deploy_settings\` DROP FOREIGN KEY \`FK_70348d1a20895b1ba2bedbb2933\``);
    await queryRunner.query(`ALTER TABLE \`deploy_settings\` DROP FOREIGN KEY \`FK_97897f788ae2c3221e4c5b3031c\``);
    await queryRunner.query(`ALTER TABLE \`deploy_settings\` DROP FOREIGN KEY \`FK_c569db72601039d671f4cb95bca\``);
    await queryRunner.query(`ALTER TABLE \`deploy_settings\` DROP FOREIGN KEY \`FK_8e735a7706482978e8bce9d7bfe\``);
    await queryRunner.query(`ALTER TABLE \`deploy_settings\` DROP FOREIGN KEY \`FK_d8fc6cf95d5ae3beae6ff7ab1da\``);
    await queryRunner.query(`ALTER TABLE \`deploy_templates\` DROP FOREIGN KEY \`FK_329c9699e12aff8dd5ff01f5f8a\``);
    await queryRunner.query(`ALTER TABLE \`deploy_templates\` DROP FOREIGN KEY \`FK_42ad5dfd64a393896a28daa105e\``);
    await queryRunner.query(`ALTER TABLE \`deploy_templates\` DROP FOREIGN KEY \`FK_3fd99a839b0a1c5dc5f913c5c4c\``);
    await queryRunner.query(`ALTER TABLE \`deploy_templates\` DROP FOREIGN KEY \`FK_da995864c972eaf7af71135ded2\``);
    await queryRunner.query(`ALTER TABLE \`deploy_templates\` DROP FOREIGN KEY \`FK_984cb564fff72e3ffa6facb717f\``);
    await queryRunner.query(`DROP INDEX \`IDX_c5faf042ab87cbc974ff96ea71\` ON \`deploy_settings\``);
    await queryRunner.query(`DROP INDEX \`IDX_6a5e49ef598fc088b526866e57\` ON \`deploy_settings\``);
    await queryRunner.query(`DROP INDEX \`IDX_70348d1a20895b1ba2bedbb293\` ON \`deploy_settings\``);
    await queryRunner.query(`DROP INDEX \`IDX_97897f788ae2c3221e4c5b3031\` ON \`deploy_settings\``);
    await queryRunner.query(`DROP INDEX \`IDX_c569db72601039d671f4cb95bc\` ON \`deploy_settings\``);
    await queryRunner.query(`DROP INDEX \`IDX_8e735a7706482978e8bce9d7bf\` ON \`deploy_settings\``);
    await queryRunner.query(`DROP INDEX \`IDX_d8fc6cf95d5ae3beae6ff7ab1d\` ON \`deploy_settings\``);
    await queryRunner.query(`DROP TABLE \`deploy_settings\``);
    await queryRunner.query(`DROP INDEX \`IDX_ca3bd9f98e083da7e7a0434244\` ON \`deploy_templates\``);
    await queryRunner.query(`DROP INDEX \`IDX_329c9699e12aff8dd5ff01f5f8\` ON \`deploy_templates\``);
    await queryRunner.query(`DROP INDEX \`IDX_42ad5dfd64a393896a28daa105\` ON \`deploy_templates\``);
    await queryRunner.query(`DROP INDEX \`IDX_3fd99a839b0a1c5dc5f913c5c4\` ON \`deploy_templates\``);
    await queryRunner.query(`DROP INDEX \`IDX_da995864c972eaf7af71135ded\` ON \`deploy_templates\``);
    await queryRunner.query(`DROP INDEX \`IDX_984cb564fff72e3ffa6facb717\` ON \`deploy_templates\``);
    await queryRunner.query(`DROP TABLE \`deploy_templates\``);
    await queryRunner.query(`DROP INDEX \`IDX_5a2c06aaad00bc5f43928faaad\` ON \`repository_credentials\``);
    await queryRunner.query(`DROP TABLE \`repository_credentials\``);
    await queryRunner.query(`DROP INDEX \`IDX_2484dff3481e7683653f512565\` ON \`deploy_scripts\``);
    await queryRunner.query(`DROP TABLE \`deploy_scripts\``);
  }
}
