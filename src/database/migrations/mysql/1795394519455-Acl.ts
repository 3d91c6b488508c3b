import { MigrationInterface, QueryRunner } from 'typeorm';

export class Acl1795394519455 implements MigrationInterface {
  name = 'Acl1795394519455';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`acl_resources\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(128) NOT NULL, \`type_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_65b758a1e6845787bc79c5abb1\` (\`type_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`acl_resource_groups\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(128) NOT NULL, \`type_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_0a275551bb9cb96d52fcd9c47c\` (\`type_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`acl_resource_types\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`description\` varchar(255) NULL, \`perms\` text NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_42692f004d1a1eb9ddccc38b84\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`api_tokens\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`description\` varchar(255) NULL, \`user_id\` int NOT NULL, \`value_hash\` varchar(64) NOT NULL, \`last_used_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_b74883f5884a42fd8496d389b2\` (\`user_id\`), UNIQUE INDEX \`IDX_0b80c2ce1445c85534c6d24376\` (\`value_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`grants\` (\`id\` int NOT NULL AUTO_INCREMENT, \`subject_type\` varchar(8) NOT NULL, \`subject_id\` int NOT NULL, \`permission\` varchar(64) NOT NULL, \`resource_type\` varchar(32) NOT NULL, \`resource_id\` varchar(64) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_73cf067e667b6c9261fedd9e9f\` (\`resource_type\`, \`resource_id\`), UNIQUE INDEX \`IDX_1a76e3329dca1b8bf6f77ae3ed\` (\`subject_type\`, \`subject_id\`, \`resource_type\`, \`resource_id\`, \`permission\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`password_resets\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`token_hash\` varchar(64) NOT NULL, \`expires_at\` datetime NOT NULL, \`used_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_323290a9239ad3d397ad78018e\` (\`token_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`revoked_tokens\` (\`token_id\` varchar(64) NOT NULL, \`expires_at\` datetime NOT NULL, INDEX \`IDX_5aee0c1828e7b9238ca3fe47bc\` (\`expires_at\`), PRIMARY KEY (\`token_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`roles\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`description\` varchar(255) NULL, \`is_admin\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_648e3f5447f725579d7d4ffdfb\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`mail_messages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`recipient\` varchar(255) NOT NULL, \`subject\` varchar(255) NOT NULL, \`body\` text NOT NULL, \`status\` varchar(8) NOT NULL DEFAULT 'pending', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`sent_at\` datetime NULL, INDEX \`IDX_5af7c9042a454fe9d90c3b6dd7\` (\`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`acl_resource_group_items\` (\`group_id\` int NOT NULL, \`resource_id\` int NOT NULL, INDEX \`IDX_12e2a9580cab202d7e6e35c016\` (\`group_id\`), INDEX \`IDX_ff351a31716ae53b5eac4055d7\` (\`resource_id\`), PRIMARY KEY (\`group_id\`, \`resource_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`user_roles\` (\`user_id\` int NOT NULL, \`role_id\` int NOT NULL, INDEX \`IDX_87b8888186ca9769c960e92687\` (\`user_id\`), INDEX \`IDX_b23c65e50a758245a33ee35fda\` (\`role_id\`), PRIMARY KEY (\`user_id\`, \`role_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`role_parents\` (\`child_id\` int NOT NULL, \`parent_id\` int NOT NULL, INDEX \`IDX_82daf45761e5cd2151c7cc937a\` (\`child_id\`), INDEX \`IDX_882d170ebeb7639d7c397ff340\` (\`parent_id\`), PRIMARY KEY (\`child_id\`, \`parent_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`phone\` varchar(32) NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`nickname\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`department\` varchar(128) NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`type\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`public_key\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`api_key\` varchar(32) NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD UNIQUE INDEX \`IDX_16bfa631de67a4fafe7ce3f2fe\` (\`api_key\`)`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`api_secret\` text NULL`);
    await queryRunner.query(
      `ALTER TABLE \`acl_resource_group_items\` ADD CONSTRAINT \`FK_12e2a9580cab202d7e6e35c0161\` FOREIGN KEY (\`group_id\`) REFERENCES \`acl_resource_groups\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE \`acl_resource_group_items\` ADD CONSTRAINT \`FK_ff351a31716ae53b5eac4055d7f\` FOREIGN KEY (\`resource_id\`) REFERENCES \`acl_resources\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_roles\` ADD CONSTRAINT \`FK_87b8888186ca9769c960e926870\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_roles\` ADD CONSTRAINT \`FK_b23c65e50a758245a33ee35fda1\` FOREIGN KEY (\`role_id\`) REFERENCES \`roles\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`role_parents\` ADD CONSTRAINT \`FK_82daf45761e5cd2151c7cc937a5\` FOREIGN KEY (\`child_id\`) REFERENCES \`roles\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE \`role_parents\` ADD CONSTRAINT \`FK_882d170ebeb7639d7c397ff340f\` FOREIGN KEY (\`parent_id\`) REFERENCES \`roles\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`role_parents\` DROP FOREIGN KEY \`FK_882d170ebeb7639d7c397ff340f\``);
    await queryRunner.query(`ALTER TABLE \`role_parents\` DROP FOREIGN KEY \`FK_82daf45761e5cd2151c7cc937a5\``);
    await queryRunner.query(`ALTER TABLE \`user_roles\` DROP FOREIGN KEY \`FK_b23c65e50a758245a33ee35fda1\``);
    await queryRunner.query(`ALTER TABLE \`user_roles\` DROP FOREIGN KEY \`FK_87b8888186ca9769c960e926870\``);
    await queryRunner.query(
      `ALTER TABLE \`acl_resource_group_items\` DROP FOREIGN KEY \`FK_ff351a31716ae53b5eac4055d7f\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`acl_resource_group_items\` DROP FOREIGN KEY \`FK_12e2a9580cab202d7e6e35c0161\``,
    );
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`api_secret\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP INDEX \`IDX_16bfa631de67a4fafe7ce3f2fe\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`api_key\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`public_key\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`type\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`department\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`nickname\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`phone\``);
    await queryRunner.query(`DROP INDEX \`IDX_882d170ebeb7639d7c397ff340\` ON \`role_parents\``);
    await queryRunner.query(`DROP INDEX \`IDX_82daf45761e5cd2151c7cc937a\` ON \`role_parents\``);
    await queryRunner.query(`DROP TABLE \`role_parents\``);
    await queryRunner.query(`DROP INDEX \`IDX_b23c65e50a758245a33ee35fda\` ON \`user_roles\``);
    await queryRunner.query(`DROP INDEX \`IDX_87b8888186ca9769c960e92687\` ON \`user_roles\``);
    await queryRunner.query(`DROP TABLE \`user_roles\``);
    await queryRunner.query(`DROP INDEX \`IDX_ff351a31716ae53b5eac4055d7\` ON \`acl_resource_group_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_12e2a9580cab202d7e6e35c016\` ON \`acl_resource_group_items\``);
    await queryRunner.query(`DROP TABLE \`acl_resource_group_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_5af7c9042a454fe9d90c3b6dd7\` ON \`mail_messages\``);
    await queryRunner.query(`DROP TABLE \`mail_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_648e3f5447f725579d7d4ffdfb\` ON \`roles\``);
    await queryRunner.query(`DROP TABLE \`roles\``);
    await queryRunner.query(`DROP INDEX \`IDX_5aee0c1828e7b9238ca3fe47bc\` ON \`revoked_tokens\``);
    await queryRunner.query(`DROP TABLE \`revoked_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_323290a9239ad3d397ad78018e\` ON \`password_resets\``);
    await queryRunner.query(`DROP TABLE \`password_resets\``);
    await queryRunner.query(`DROP INDEX \`IDX_1a76e3329dca1b8bf6f77ae3ed\` ON \`grants\``);
    await queryRunner.query(`DROP INDEX \`IDX_73cf067e667b6c9261fedd9e9f\` ON \`grants\``);
    await queryRunner.query(`DROP TABLE \`grants\``);
    await queryRunner.query(`DROP INDEX \`IDX_0b80c2ce1445c85534c6d24376\` ON \`api_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_b74883f5884a42fd8496d389b2\` ON \`api_tokens\``);
    await queryRunner.query(`DROP TABLE \`api_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_42692f004d1a1eb9ddccc38b84\` ON \`acl_resource_types\``);
    await queryRunner.query(`DROP TABLE \`acl_resource_types\``);
    await queryRunner.query(`DROP INDEX \`IDX_0a275551bb9cb96d52fcd9c47c\` ON \`acl_resource_groups\``);
    await queryRunner.query(`DROP TABLE \`acl_resource_groups\``);
    await queryRunner.query(`DROP INDEX \`IDX_65b758a1e6845787bc79c5abb1\` ON \`acl_resources\``);
    await queryRunner.query(`DROP TABLE \`acl_resources\``);
  }
}
