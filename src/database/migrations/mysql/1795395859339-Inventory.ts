import { MigrationInterface, QueryRunner } from 'typeorm';

export class Inventory1795395859339 implements MigrationInterface {
  name = 'Inventory1795395859339';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`productions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(128) NOT NULL, \`description\` text NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_8d40d2183c7d993a0bc02f52ee\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`applications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(128) NOT NULL, \`full_name\` varchar(512) NOT NULL, \`parent_id\` int NULL, \`production_id\` int NULL, \`application_type\` varchar(64) NULL, \`run_user\` varchar(64) NULL, \`directory\` varchar(1024) NULL, \`startup_command\` text NULL, \`stop_command\` text NULL, \`stdout_path\` varchar(1024) NULL, \`stderr_path\` varchar(1024) NULL, \`pid_path\` varchar(1024) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_cb8325d8f2ab48f55b1514aa57\` (\`parent_id\`), INDEX \`IDX_f3caba10db5973c09773c8438b\` (\`production_id\`), UNIQUE INDEX \`IDX_e7f95b336302544444fc4c5585\` (\`full_name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`hosts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(255) NOT NULL, \`host_type\` enum ('ALI_ECS', 'PHY_HOST', 'TECENT_CVM', 'TECENT_CPM', 'CLOUDSTACK', 'CLOUDSTACK_OFFICE', 'OTHER') NOT NULL DEFAULT 'OTHER', \`status\` enum ('attached', 'inited', 'raw', 'offline') NOT NULL DEFAULT 'raw', \`os_status\` enum ('stopped', 'running', 'restarting') NULL, \`os_type\` varchar(128) NULL, \`cpu\` int NULL, \`memory\` int NULL, \`location\` varchar(255) NULL, \`description\` text NULL, \`usage\` varchar(255) NULL, \`is_initialized\` tinyint NOT NULL DEFAULT 0, \`ssh_address\` varchar(255) NULL, \`ssh_port\` int NOT NULL DEFAULT '22', \`ssh_user\` varchar(64) NULL, \`ssh_secret\` text NULL, \`ssh_secret_kind\` varchar(16) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_6fc876c8f74340e2cf7d52ea66\` (\`host_type\`), UNIQUE INDEX \`IDX_d6d891591add4f442af21db7fb\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`application_instances\` (\`id\` int NOT NULL AUTO_INCREMENT, \`application_id\` int NOT NULL, \`host_id\` int NOT NULL, \`status\` enum ('restarting', 'running', 'stopped', 'updating', 'reverting') NOT NULL DEFAULT 'stopped', \`version\` varchar(128) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_cdede711bc48abd6a72047cb06\` (\`host_id\`), UNIQUE INDEX \`IDX_1f3d2c1bb462f248a606d00928\` (\`application_id\`, \`host_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`host_polls\` (\`host_id\` int NOT NULL, \`reachable\` tinyint NOT NULL DEFAULT 0, \`load1\` float NULL, \`memory_used\` float NULL, \`disk_used\` float NULL, \`polled_at\` datetime NULL, PRIMARY KEY (\`host_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ip_addresses\` (\`id\` int NOT NULL AUTO_INCREMENT, \`host_id\` int NOT NULL, \`address\` varchar(45) NOT NULL, \`netmask\` varchar(45) NULL, \`network\` varchar(64) NULL, \`is_virtual\` tinyint NOT NULL DEFAULT 0, \`addr_type\` enum ('PRIVATE', 'PUBLIC') NOT NULL DEFAULT 'PRIVATE', \`owner\` enum ('HOST', 'LB') NOT NULL DEFAULT 'HOST', INDEX \`IDX_2e49111a25896a0ac4973a13ab\` (\`address\`), UNIQUE INDEX \`IDX_cdadb7753befd1d63d68d8559c\` (\`host_id\`, \`address\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`response_persons\` (\`id\` int NOT NULL AUTO_INCREMENT, \`application_id\` int NOT NULL, \`user_id\` int NOT NULL, \`type\` enum ('dev', 'ops', 'qa', 'pm') NOT NULL, INDEX \`IDX_7542592c4e920a0e671d45c0ee\` (\`user_id\`), UNIQUE INDEX \`IDX_c234fadf7ea2b535ef41730c57\` (\`application_id\`, \`user_id\`, \`type\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`application_requirements\` (\`application_id\` int NOT NULL, \`required_id\` int NOT NULL, INDEX \`IDX_cb7e50d73e16e1ca142e06f791\` (\`application_id\`), INDEX \`IDX_83969ef5eb7e769e16a18db9d3\` (\`required_id\`), PRIMARY KEY (\`application_id\`, \`required_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`applications\` ADD CONSTRAINT \`FK_cb8325d8f2ab48f55b1514aa577\` FOREIGN KEY (\`parent_id\`) REFERENCES \`applications\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`applications\` ADD CONSTRAINT \`FK_f3caba10db5973c09773c8438bf\` FOREIGN KEY (\`production_id\`) REFERENCES \`productions\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`application_instances\` ADD CONSTRAINT \`FK_ab29a7c59585384137c7b6081c0\` FOREIGN KEY (\`application_id\`) REFERENCES \`applications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`application_instances\` ADD CONSTRAINT \`FK_cdede711bc48abd6a72047cb062\` FOREIGN KEY (\`host_id\`) REFERENCES \`hosts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`host_polls\` ADD CONSTRAINT \`FK_efe045e741fbc45cbb72f7f3a59\` FOREIGN KEY (\`host_id\`) REFERENCES \`hosts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`ip_addresses\` ADD CONSTRAINT \`FK_e0ba5cdf0150c96c46f707212b7\` FOREIGN KEY (\`host_id\`) REFERENCES \`hosts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`response_persons\` ADD CONSTRAINT \`FK_a443fe0ae68a8b98984d9383225\` FOREIGN KEY (\`application_id\`) REFERENCES \`applications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`response_persons\` ADD CONSTRAINT \`FK_7542592c4e920a0e671d45c0ee5\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`application_requirements\` ADD CONSTRAINT \`FK_cb7e50d73e16e1ca142e06f7913\` FOREIGN KEY (\`application_id\`) REFERENCES \`applications\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE \`application_requirements\` ADD CONSTRAINT \`FK_83969ef5eb7e769e16a18db9d39\` FOREIGN KEY (\`required_id\`) REFERENCES \`applications\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`application_requirements\` DROP FOREIGN KEY \`FK_83969ef5eb7e769e16a18db9d39\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`application_requirements\` DROP FOREIGN KEY \`FK_cb7e50d73e16e1ca142e06f7913\``,
    );
    await queryRunner.query(`ALTER TABLE \`response_persons\` DROP FOREIGN KEY \`FK_7542592c4e920a0e671d45c0ee5\``);
    await queryRunner.query(`ALTER TABLE \`response_persons\` DROP FOREIGN KEY \`FK_a443fe0ae68a8b98984d9383225\``);
    await queryRunner.query(`ALTER TABLE \`ip_addresses\` DROP FOREIGN KEY \`FK_e0ba5cdf0150c96c46f707212b7\``);
    await queryRunner.query(`ALTER TABLE \`host_polls\` DROP FOREIGN KEY \`FK_efe045e741fbc45cbb72f7f3a59\``);
    await queryRunner.query(
      `ALTER TABLE \`application_instances\` DROP FOREIGN KEY \`FK_cdede711bc48abd6a72047cb062\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`application_instances\` DROP FOREIGN KEY \`FK_ab29a7c59585384137c7b6081c0\``,
    );
    await queryRunner.query(`ALTER TABLE \`applications\` DROP FOREIGN KEY \`FK_f3caba10db5973c09773c8438bf\``);
    await queryRunner.query(`ALTER TABLE \`applications\` DROP FOREIGN KEY \`FK_cb8325d8f2ab48f55b1514aa577\``);
    await queryRunner.query(`DROP INDEX \`IDX_83969ef5eb7e769e16a18db9d3\` ON \`application_requirements\``);
    await queryRunner.query(`DROP INDEX \`IDX_cb7e50d73e16e1ca142e06f791\` ON \`application_requirements\``);
    await queryRunner.query(`DROP TABLE \`application_requirements\``);
    await queryRunner.query(`DROP INDEX \`IDX_c234fadf7ea2b535ef41730c57\` ON \`response_persons\``);
    await queryRunner.query(`DROP INDEX \`IDX_7542592c4e920a0e671d45c0ee\` ON \`response_persons\``);
    await queryRunner.query(`DROP TABLE \`response_persons\``);
    await queryRunner.query(`DROP INDEX \`IDX_cdadb7753befd1d63d68d8559c\` ON \`ip_addresses\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e49111a25896a0ac4973a13ab\` ON \`ip_addresses\``);
    await queryRunner.query(`DROP TABLE \`ip_addresses\``);
    await queryRunner.query(`DROP TABLE \`host_polls\``);
    await queryRunner.query(`DROP INDEX \`IDX_1f3d2c1bb462f248a606d00928\` ON \`application_instances\``);
    await queryRunner.query(`DROP INDEX \`IDX_cdede711bc48abd6a72047cb06\` ON \`application_instances\``);
    await queryRunner.query(`DROP TABLE \`application_instances\``);
    await queryRunner.query(`DROP INDEX \`IDX_d6d891591add4f442af21db7fb\` ON \`hosts\``);
    await queryRunner.query(`DROP INDEX \`IDX_6fc876c8f74340e2cf7d52ea66\` ON \`hosts\``);
    await queryRunner.query(`DROP TABLE \`hosts\``);
    await queryRunner.query(`DROP INDEX \`IDX_e7f95b336302544444fc4c5585\` ON \`applications\``);
    await queryRunner.query(`DROP INDEX \`IDX_f3caba10db5973c09773c8438b\` ON \`applications\``);
    await queryRunner.query(`DROP INDEX \`IDX_cb8325d8f2ab48f55b1514aa57\` ON \`applications\``);
    await queryRunner.query(`DROP TABLE \`applications\``);
    await queryRunner.query(`DROP INDEX \`IDX_8d40d2183c7d993a0bc02f52ee\` ON \`productions\``);
    await queryRunner.query(`DROP TABLE \`productions\``);
  }
}
