import { MigrationInterface, QueryRunner } from 'typeorm';

export class Hermes1795968831882 implements MigrationInterface {
  name = 'Hermes1795968831882';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`hermes_event_types\` (\`id\` int NOT NULL AUTO_INCREMENT, \`category\` varchar(64) NOT NULL, \`state\` varchar(32) NOT NULL, \`description\` varchar(1024) NULL, \`restricted\` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX \`IDX_f191811607800860ef2af32a69\` (\`category\`, \`state\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`hermes_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`host_id\` int NOT NULL, \`timestamp\` varchar(26) NOT NULL, \`user\` varchar(255) NOT NULL, \`event_type_id\` int NOT NULL, \`note\` text NULL, \`tx\` bigint NULL, INDEX \`IDX_8158ee3eda7458542392d7c1d7\` (\`timestamp\`), INDEX \`IDX_574aad4d3555de89d756a9fc8e\` (\`event_type_id\`), INDEX \`IDX_b43589693001a4eedba14b0730\` (\`tx\`), INDEX \`IDX_e11c52ae630149456dd5e25a87\` (\`host_id\`, \`timestamp\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`hermes_fates\` (\`id\` int NOT NULL AUTO_INCREMENT, \`creation_type_id\` int NOT NULL, \`follows_id\` int NULL, \`for_creator\` tinyint NOT NULL DEFAULT 0, \`for_owner\` tinyint NOT NULL DEFAULT 1, \`description\` varchar(2048) NULL, INDEX \`IDX_d6d901558c766e9cae96c10814\` (\`creation_type_id\`), INDEX \`IDX_7e6dc09b8a3d09792d54622e49\` (\`follows_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`hermes_quests\` (\`id\` int NOT NULL AUTO_INCREMENT, \`embark_time\` varchar(26) NOT NULL, \`target_time\` varchar(26) NULL, \`completion_time\` varchar(26) NULL, \`creator\` varchar(255) NOT NULL, \`description\` text NOT NULL, INDEX \`IDX_98a16f7998902bd66a2033d46c\` (\`embark_time\`), INDEX \`IDX_0e1ef06433ddb7bcee01784270\` (\`creator\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`hermes_labors\` (\`id\` int NOT NULL AUTO_INCREMENT, \`starting_labor_id\` int NULL, \`fate_id\` int NOT NULL, \`closing_fate_id\` int NULL, \`quest_id\` int NULL, \`host_id\` int NOT NULL, \`for_creator\` tinyint NOT NULL DEFAULT 0, \`for_owner\` tinyint NOT NULL DEFAULT 1, \`creation_time\` varchar(26) NOT NULL, \`ack_time\` varchar(26) NULL, \`ack_user\` varchar(255) NULL, \`completion_time\` varchar(26) NULL, \`creation_event_id\` int NOT NULL, \`completion_event_id\` int NULL, INDEX \`IDX_6ab3f8a098a21ab6a1cc6ced82\` (\`starting_labor_id\`), INDEX \`IDX_7b48ca5881464e3a41d08a5aae\` (\`fate_id\`), INDEX \`IDX_9f2977a9b3a69dee09c6d84e7c\` (\`closing_fate_id\`), INDEX \`IDX_57a71779cb5c5b2adc57c98b84\` (\`quest_id\`), INDEX \`IDX_c8c4f31443e636da068801bc74\` (\`creation_time\`), INDEX \`IDX_8e808b631542053841361c384e\` (\`creation_event_id\`), INDEX \`IDX_57c84dab5e747e3afeed718e1f\` (\`completion_event_id\`), INDEX \`IDX_eed8711bf785486b673d7a9600\` (\`host_id\`, \`completion_event_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_events\` ADD CONSTRAINT \`FK_88338b298a6bcb81fc2662d5229\` FOREIGN KEY (\`host_id\`) REFERENCES \`hosts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_events\` ADD CONSTRAINT \`FK_574aad4d3555de89d756a9fc8ea\` FOREIGN KEY (\`event_type_id\`) REFERENCES \`hermes_event_types\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_fates\` ADD CONSTRAINT \`FK_d6d901558c766e9cae96c108149\` FOREIGN KEY (\`creation_type_id\`) REFERENCES \`hermes_event_types\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_fates\` ADD CONSTRAINT \`FK_7e6dc09b8a3d09792d54622e49e\` FOREIGN KEY (\`follows_id\`) REFERENCES \`hermes_fates\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_labors\` ADD CONSTRAINT \`FK_7b48ca5881464e3a41d08a5aaef\` FOREIGN KEY (\`fate_id\`) REFERENCES \`hermes_fates\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_labors\` ADD CONSTRAINT \`FK_9f2977a9b3a69dee09c6d84e7ca\` FOREIGN KEY (\`closing_fate_id\`) REFERENCES \`hermes_fates\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_labors\` ADD CONSTRAINT \`FK_57a71779cb5c5b2adc57c98b84f\` FOREIGN KEY (\`quest_id\`) REFERENCES \`hermes_quests\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_labors\` ADD CONSTRAINT \`FK_c5e39335ad21bcc22ca436f143f\` FOREIGN KEY (\`host_id\`) REFERENCES \`hosts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_labors\` ADD CONSTRAINT \`FK_8e808b631542053841361c384e2\` FOREIGN KEY (\`creation_event_id\`) REFERENCES \`hermes_events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`hermes_labors\` ADD CONSTRAINT \`FK_57c84dab5e747e3afeed718e1f6\` FOREIGN KEY (\`completion_event_id\`) REFERENCES \`hermes_events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hermes_labors\` DROP FOREIGN KEY \`FK_57c84dab5e747e3afeed718e1f6\``);
    await queryRunner.query(`ALTER TABLE \`hermes_labors\` DROP FOREIGN KEY \`FK_8e808b631542053841361c384e2\``);
    await queryRunner.query(`ALTER TABLE \`hermes_labors\` DROP FOREIGN KEY \`FK_c5e39335ad21bcc22ca436f143f\``);
    await queryRunner.query(`ALTER TABLE \`hermes_labors\` DROP FOREIGN KEY \`FK_57a71779cb5c5b2adc57c98b84f\``);
    await queryRunner.query(`ALTER TABLE \`hermes_labors\` DROP FOREIGN KEY \`FK_9f2977a9b3a69dee09c6d84e7ca\``);
    await queryRunner.query(`ALTER TABLE \`hermes_labors\` DROP FOREIGN KEY \`FK_7b48ca5881464e3a41d08a5aaef\``);
    await queryRunner.query(`ALTER TABLE \`hermes_fates\` DROP FOREIGN KEY \`FK_7e6dc09b8a3d09792d54622e49e\``);
    await queryRunner.query(`ALTER TABLE \`hermes_fates\` DROP FOREIGN KEY \`FK_d6d901558c766e9cae96c108149\``);
    await queryRunner.query(`ALTER TABLE \`hermes_events\` DROP FOREIGN KEY \`FK_574aad4d3555de89d756a9fc8ea\``);
    await queryRunner.query(`ALTER TABLE \`hermes_events\` DROP FOREIGN KEY \`FK_88338b298a6bcb81fc2662d5229\``);
    await queryRunner.query(`DROP INDEX \`IDX_eed8711bf785486b673d7a9600\` ON \`hermes_labors\``);
    await queryRunner.query(`DROP INDEX \`IDX_57c84dab5e747e3afeed718e1f\` ON \`hermes_labors\``);
    await queryRunner.query(`DROP INDEX \`IDX_8e808b631542053841361c384e\` ON \`hermes_labors\``);
    await queryRunner.query(`DROP INDEX \`IDX_c8c4f31443e636da068801bc74\` ON \`hermes_labors\``);
    await queryRunner.query(`DROP INDEX \`IDX_57a71779cb5c5b2adc57c98b84\` ON \`hermes_labors\``);
    await queryRunner.query(`DROP INDEX \`IDX_9f2977a9b3a69dee09c6d84e7c\` ON \`hermes_labors\``);
    await queryRunner.query(`DROP INDEX \`IDX_7b48ca5881464e3a41d08a5aae\` ON \`hermes_labors\``);
    await queryRunner.query(`DROP INDEX \`IDX_6ab3f8a098a21ab6a1cc6ced82\` ON \`hermes_labors\``);
    await queryRunner.query(`DROP TABLE \`hermes_labors\``);
    await queryRunner.query(`DROP INDEX \`IDX_0e1ef06433ddb7bcee01784270\` ON \`hermes_quests\``);
    await queryRunner.query(`DROP INDEX \`IDX_98a16f7998902bd66a2033d46c\` ON \`hermes_quests\``);
    await queryRunner.query(`DROP TABLE \`hermes_quests\``);
    await queryRunner.query(`DROP INDEX \`IDX_7e6dc09b8a3d09792d54622e49\` ON \`hermes_fates\``);
    await queryRunner.query(`DROP INDEX \`IDX_d6d901558c766e9cae96c10814\` ON \`hermes_fates\``);
    await queryRunner.query(`DROP TABLE \`hermes_fates\``);
    await queryRunner.query(`DROP INDEX \`IDX_e11c52ae630149456dd5e25a87\` ON \`hermes_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_b43589693001a4eedba14b0730\` ON \`hermes_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_574aad4d3555de89d756a9fc8e\` ON \`hermes_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_8158ee3eda7458542392d7c1d7\` ON \`hermes_events\``);
    await queryRunner.query(`DROP TABLE \`hermes_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_f191811607800860ef2af32a69\` ON \`hermes_event_types\``);
    await queryRunner.query(`DROP TABLE \`hermes_event_types\``);
  }
}
