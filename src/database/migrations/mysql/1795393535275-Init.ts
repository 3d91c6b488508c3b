import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795393535275 implements MigrationInterface {
  name = 'Init1795393535275';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`users\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(64) NOT NULL, \`email\` varchar(255) NULL, \`password_hash\` varchar(255) NOT NULL, \`status\` enum ('enabled', 'disabled') NOT NULL DEFAULT 'enabled', \`is_admin\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_fe0bb3f6520ee0469504521e71\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`audit_entries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`operator_id\` int NULL, \`operator_name\` varchar(64) NULL, \`module\` varchar(32) NOT NULL, \`target_type\` varchar(64) NOT NULL, \`target_id\` varchar(64) NULL, \`target_name\` varchar(255) NULL, \`operation\` varchar(64) NOT NULL, \`detail\` text NULL, \`before\` text NULL, \`after\` text NULL, \`request_id\` varchar(64) NULL, \`client_ip\` varchar(64) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_b40560c2b90d0cf262b990613d\` (\`operator_name\`), INDEX \`IDX_27e003a251c8801ec552ed0ebc\` (\`operation\`), INDEX \`IDX_e0ee9c6f2a2b0cc8f0b5234465\` (\`created_at\`), INDEX \`IDX_f6bc1ad9882adb5f677c7e4b2f\` (\`target_type\`, \`target_id\`), INDEX \`IDX_2455893c927e41db893b95f29c\` (\`module\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_2455893c927e41db893b95f29c\` ON \`audit_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_f6bc1ad9882adb5f677c7e4b2f\` ON \`audit_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_e0ee9c6f2a2b0cc8f0b5234465\` ON \`audit_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_27e003a251c8801ec552ed0ebc\` ON \`audit_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_b40560c2b90d0cf262b990613d\` ON \`audit_entries\``);
    await queryRunner.query(`DROP TABLE \`audit_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_fe0bb3f6520ee0469504521e71\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
  }
}
