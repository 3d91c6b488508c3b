import { MigrationInterface, QueryRunner } from 'typeorm';

export class Hermes1795968820155 implements MigrationInterface {
  name = 'Hermes1795968820155';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "hermes_event_types" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "category" varchar(64) NOT NULL, "state" varchar(32) NOT NULL, "description" varchar(1024), "restricted" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f191811607800860ef2af32a69" ON "hermes_event_types" ("category", "state") `,
    );
    await queryRunner.query(
      `CREATE TABLE "hermes_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "host_id" integer NOT NULL, "timestamp" varchar(26) NOT NULL, "user" varchar(255) NOT NULL, "event_type_id" integer NOT NULL, "note" text, "tx" bigint)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8158ee3eda7458542392d7c1d7" ON "hermes_events" ("timestamp") `);
    await queryRunner.query(`CREATE INDEX "IDX_574aad4d3555de89d756a9fc8e" ON "hermes_events" ("event_type_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b43589693001a4eedba14b0730" ON "hermes_events" ("tx") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_e11c52ae630149456dd5e25a87" ON "hermes_events" ("host_id", "timestamp") `,
    );
    await queryRunner.query(
      `CREATE TABLE "hermes_fates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "creation_type_id" integer NOT NULL, "follows_id" integer, "for_creator" boolean NOT NULL DEFAULT (0), "for_owner" boolean NOT NULL DEFAULT (1), "description" varchar(2048))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d6d901558c766e9cae96c10814" ON "hermes_fates" ("creation_type_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7e6dc09b8a3d09792d54622e49" ON "hermes_fates" ("follows_id") `);
    await queryRunner.query(
      `CREATE TABLE "hermes_quests" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "embark_time" varchar(26) NOT NULL, "target_time" varchar(26), "completion_time" varchar(26), "creator" varchar(255) NOT NULL, "description" text NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_98a16f7998902bd66a2033d46c" ON "hermes_quests" ("embark_time") `);
    await queryRunner.query(`CREATE INDEX "IDX_0e1ef06433ddb7bcee01784270" ON "hermes_quests" ("creator") `);
    await queryRunner.query(
      `CREATE TABLE "hermes_labors" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "starting_labor_id" integer, "fate_id" integer NOT NULL, "closing_fate_id" integer, "quest_id" integer, "host_id" integer NOT NULL, "for_creator" boolean NOT NULL DEFAULT (0), "for_owner" boolean NOT NULL DEFAULT (1), "creation_time" varchar(26) NOT NULL, "ack_time" varchar(26), "ack_user" varchar(255), "completion_time" varchar(26), "creation_event_id" integer NOT NULL, "completion_event_id" integer)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6ab3f8a098a21ab6a1cc6ced82" ON "hermes_labors" ("starting_labor_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7b48ca5881464e3a41d08a5aae" ON "hermes_labors" ("fate_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9f2977a9b3a69dee09c6d84e7c" ON "hermes_labors" ("closing_fate_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_57a71779cb5c5b2adc57c98b84" ON "hermes_labors" ("quest_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c8c4f31443e636da068801bc74" ON "hermes_labors" ("creation_time") `);
    await queryRunner.query(`CREATE INDEX "IDX_8e808b631542053841361c384e" ON "hermes_labors" ("creation_event_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_57c84dab5e747e3afeed718e1f" ON "hermes_labors" ("completion_event_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_eed8711bf785486b673d7a9600" ON "hermes_labors" ("host_id", "completion_event_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_8158ee3eda7458542392d7c1d7"`);
    await queryRunner.query(`DROP INDEX "IDX_574aad4d3555de89d756a9fc8e"`);
    await queryRunner.query(`DROP INDEX "IDX_b43589693001a4eedba14b0730"`);
    await queryRunner.query(`DROP INDEX "IDX_e11c52ae630149456dd5e25a87"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_hermes_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "host_id" integer NOT NULL, "timestamp" varchar(26) NOT NULL, "user" varchar(255) NOT NULL, "event_type_id" integer NOT NULL, "note" text, "tx" bigint, CONSTRAINT "FK_88338b298a6bcb81fc2662d5229" FOREIGN KEY ("host_id") REFERENCES "hosts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_574aad4d3555de89d756a9fc8ea" FOREIGN KEY ("event_type_id") REFERENCES "hermes_event_types" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_hermes_events"("id", "host_id", "timestamp", "user", "event_type_id", "note", "tx") SELECT "id", "host_id", "timestamp", "user", "event_type_id", "note", "tx" FROM "hermes_events"`,
    );
    await queryRunner.query(`DROP TABLE "hermes_events"`);
    await queryRunner.query(`ALTER TABLE "temporary_hermes_events" RENAME TO "hermes_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_8158ee3eda7458542392d7c1d7" ON "hermes_events" ("timestamp") `);
    await queryRunner.query(`CREATE INDEX "IDX_574aad4d3555de89d756a9fc8e" ON "hermes_events" ("event_type_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b43589693001a4eedba14b0730" ON "hermes_events" ("tx") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_e11c52ae630149456dd5e25a87" ON "hermes_events" ("host_id", "timestamp") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_d6d901558c766e9cae96c10814"`);
    await queryRunner.query(`DROP INDEX "IDX_7e6dc09b8a3d09792d54622e49"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_hermes_fates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "creation_type_id" integer NOT NULL, "follows_id" integer, "for_creator" boolean NOT NULL DEFAULT (0), "for_owner" boolean NOT NULL DEFAULT (1), "description" varchar(2048), CONSTRAINT "FK_d6d901558c766e9cae96c108149" FOREIGN KEY ("creation_type_id") REFERENCES "hermes_event_types" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_7e6dc09b8a3d09792d54622e49e" FOREIGN KEY ("follows_id") REFERENCES "hermes_fates" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_hermes_fates"("id", "creation_type_id", "follows_id", "for_creator", "for_owner", "description") SELECT "id", "creation_type_id", "follows_id", "for_creator", "for_owner", "description" FROM "hermes_fates"`,
    );
    await queryRunner.query(`DROP TABLE "hermes_fates"`);
    await queryRunner.query(`ALTER TABLE "temporary_hermes_fates" RENAME TO "hermes_fates"`);
    await queryRunner.query(`CREATE INDEX "IDX_d6d901558c766e9cae96c10814" ON "hermes_fates" ("creation_type_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7e6dc09b8a3d09792d54622e49" ON "hermes_fates" ("follows_id") `);
    await queryRunner.query(`DROP INDEX "IDX_6ab3f8a098a21ab6a1cc6ced82"`);
    await queryRunner.query(`DROP INDEX "IDX_7b48ca5881464e3a41d08a5aae"`);
    await queryRunner.query(`DROP INDEX "IDX_9f2977a9b3a69dee09c6d84e7c"`);
    await queryRunner.query(`DROP INDEX "IDX_57a71779cb5c5b2adc57c98b84"`);
    await queryRunner.query(`DROP INDEX "IDX_c8c4f31443e636da068801bc74"`);
    await queryRunner.query(`DROP INDEX "IDX_8e808b631542053841361c384e"`);
    await queryRunner.query(`DROP INDEX "IDX_57c84dab5e747e3afeed718e1f"`);
    await queryRunner.query(`DROP INDEX "IDX_eed8711bf785486b673d7a9600"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_hermes_labors" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "starting_labor_id" integer, "fate_id" integer NOT NULL, "closing_fate_id" integer, "quest_id" integer, "host_id" integer NOT NULL, "for_creator" boolean NOT NULL DEFAULT (0), "for_owner" boolean NOT NULL DEFAULT (1), "creation_time" varchar(26) NOT NULL, "ack_time" varchar(26), "ack_user" varchar(255), "completion_time" varchar(26), "creation_event_id" integer NOT NULL, "completion_event_id" integer, CONSTRAINT "FK_7b48ca5881464e3a41d08a5aaef" FOREIGN KEY ("fate_id") REFERENCES "hermes_fates" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_9f2977a9b3a69dee09c6d84e7ca" FOREIGN KEY ("closing_fate_id") REFERENCES "hermes_fates" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_57a71779cb5c5b2adc57c98b84f" FOREIGN KEY ("quest_id") REFERENCES "hermes_quests" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_c5e39335ad21bcc22ca436f143f" FOREIGN KEY ("host_id") REFERENCES "hosts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_8e808b631542053841361c384e2" FOREIGN KEY ("creation_event_id") REFERENCES "hermes_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_57c84dab5e747e3afeed718e1f6" FOREIGN KEY ("completion_event_id") REFERENCES "hermes_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_hermes_labors"("id", "starting_labor_id", "fate_id", "closing_fate_id", "quest_id", "host_id", "for_creator", "for_owner", "creation_time", "ack_time", "ack_user", "completion_time", "creation_event_id", "completion_event_id") SELECT "id", "starting_labor_id", "fate_id", "closing_fate_id", "quest_id", "host_id", "for_creator", "for_owner", "creation_time", "ack_time", "ack_user", "completion_time", "creation_event_id", "completion_event_id" FROM "hermes_labors"`,
    );
    await queryRunner.query(`DROP TABLE "hermes_labors"`);
    await queryRunner.query(`ALTER TABLE "temporary_hermes_labors" RENAME TO "hermes_labors"`);
    await queryRunner.query(`CREATE INDEX "IDX_6ab3f8a098a21ab6a1cc6ced82" ON "hermes_labors" ("starting_labor_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7b48ca5881464e3a41d08a5aae" ON "hermes_labors" ("fate_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9f2977a9b3a69dee09c6d84e7c" ON "hermes_labors" ("closing_fate_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_57a71779cb5c5b2adc57c98b84" ON "hermes_labors" ("quest_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c8c4f31443e636da068801bc74" ON "hermes_labors" ("creation_time") `);
    await queryRunner.query(`CREATE INDEX "IDX_8e808b631542053841361c384e" ON "hermes_labors" ("creation_event_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_57c84dab5e747e3afeed718e1f" ON "hermes_labors" ("completion_event_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_eed8711bf785486b673d7a9600" ON "hermes_labors" ("host_id", "completion_event_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_eed8711bf785486b673d7a9600"`);
    await queryRunner.query(`DROP INDEX "IDX_57c84dab5e747e3afeed718e1f"`);
    await queryRunner.query(`DROP INDEX "IDX_8e808b631542053841361c384e"`);
    await queryRunner.query(`DROP INDEX "IDX_c8c4f31443e636da068801bc74"`);
    await queryRunner.query(`DROP INDEX "IDX_57a71779cb5c5b2adc57c98b84"`);
    await queryRunner.query(`DROP INDEX "IDX_9f2977a9b3a69dee09c6d84e7c"`);
    await queryRunner.query(`DROP INDEX "IDX_7b48ca5881464e3a41d08a5aae"`);
    await queryRunner.query(`DROP INDEX "IDX_6ab3f8a098a21ab6a1cc6ced82"`);
    await queryRunner.query(`ALTER TABLE "hermes_labors" RENAME TO "temporary_hermes_labors"`);
    await queryRunner.query(
      `CREATE TABLE "hermes_labors" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "starting_labor_id" integer, "fate_id" integer NOT NULL, "closing_fate_id" integer, "quest_id" integer, "host_id" integer NOT NULL, "for_creator" boolean NOT NULL DEFAULT (0), "for_owner" boolean NOT NULL DEFAULT (1), "creation_time" varchar(26) NOT NULL, "ack_time" varchar(26), "ack_user" varchar(255), "completion_time" varchar(26), "creation_event_id" integer NOT NULL, "completion_event_id" integer)`,
    );
    await queryRunner.query(
      `INSERT INTO "hermes_labors"("id", "starting_labor_id", "fate_id", "closing_fate_id", "quest_id", "host_id", "for_creator", "for_owner", "creation_time", "ack_time", "ack_user", "completion_time", "creation_event_id", "completion_event_id") SELECT "id", "starting_labor_id", "fate_id", "closing_fate_id", "quest_id", "host_id", "for_creator", "for_owner", "creation_time", "ack_time", "ack_user", "completion_time", "creation_event_id", "completion_event_id" FROM "temporary_hermes_labors"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_hermes_labors"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_eed8711bf785486b673d7a9600" ON "hermes_labors" ("host_id", "completion_event_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_57c84dab5e747e3afeed718e1f" ON "hermes_labors" ("completion_event_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8e808b631542053841361c384e" ON "hermes_labors" ("creation_event_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c8c4f31443e636da068801bc74" ON "hermes_labors" ("creation_time") `);
    await queryRunner.query(`CREATE INDEX "IDX_57a71779cb5c5b2adc57c98b84" ON "hermes_labors" ("quest_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9f2977a9b3a69dee09c6d84e7c" ON "hermes_labors" ("closing_fate_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7b48ca5881464e3a41d08a5aae" ON "hermes_labors" ("fate_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6ab3f8a098a21ab6a1cc6ced82" ON "hermes_labors" ("starting_labor_id") `);
    await queryRunner.query(`DROP INDEX "IDX_7e6dc09b8a3d09792d54622e49"`);
    await queryRunner.query(`DROP INDEX "IDX_d6d901558c766e9cae96c10814"`);
    await queryRunner.query(`ALTER TABLE "hermes_fates" RENAME TO "temporary_hermes_fates"`);
    await queryRunner.query(
      `CREATE TABLE "hermes_fates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "creation_type_id" integer NOT NULL, "follows_id" integer, "for_creator" boolean NOT NULL DEFAULT (0), "for_owner" boolean NOT NULL DEFAULT (1), "description" varchar(2048))`,
    );
    await queryRunner.query(
      `INSERT INTO "hermes_fates"("id", "creation_type_id", "follows_id", "for_creator", "for_owner", "description") SELECT "id", "creation_type_id", "follows_id", "for_creator", "for_owner", "description" FROM "temporary_hermes_fates"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_hermes_fates"`);
    await queryRunner.query(`CREATE INDEX "IDX_7e6dc09b8a3d09792d54622e49" ON "hermes_fates" ("follows_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d6d901558c766e9cae96c10814" ON "hermes_fates" ("creation_type_id") `);
    await queryRunner.query(`DROP INDEX "IDX_e11c52ae630149456dd5e25a87"`);
    await queryRunner.query(`DROP INDEX "IDX_b43589693001a4eedba14b0730"`);
    await queryRunner.query(`DROP INDEX "IDX_574aad4d3555de89d756a9fc8e"`);
    await queryRunner.query(`DROP INDEX "IDX_8158ee3eda7458542392d7c1d7"`);
    await queryRunner.query(`ALTER TABLE "hermes_events" RENAME TO "temporary_hermes_events"`);
    await queryRunner.query(
      `CREATE TABLE "hermes_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "host_id" integer NOT NULL, "timestamp" varchar(26) NOT NULL, "user" varchar(255) NOT NULL, "event_type_id" integer NOT NULL, "note" text, "tx" bigint)`,
    );
    await queryRunner.query(
      `INSERT INTO "hermes_events"("id", "host_id", "timestamp", "user", "event_type_id", "note", "tx") SELECT "id", "host_id", "timestamp", "user", "event_type_id", "note", "tx" FROM "temporary_hermes_events"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_hermes_events"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_e11c52ae630149456dd5e25a87" ON "hermes_events" ("host_id", "timestamp") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b43589693001a4eedba14b0730" ON "hermes_events" ("tx") `);
    await queryRunner.query(`CREATE INDEX "IDX_574aad4d3555de89d756a9fc8e" ON "hermes_events" ("event_type_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8158ee3eda7458542392d7c1d7" ON "hermes_events" ("timestamp") `);
    await queryRunner.query(`DROP INDEX "IDX_eed8711bf785486b673d7a9600"`);
    await queryRunner.query(`DROP INDEX "IDX_57c84dab5e747e3afeed718e1f"`);
    await queryRunner.query(`DROP INDEX "IDX_8e808b631542053841361c384e"`);
    await queryRunner.query(`DROP INDEX "IDX_c8c4f31443e636da068801bc74"`);
    await queryRunner.query(`DROP INDEX "IDX_57a71779cb5c5b2adc57c98b84"`);
    await queryRunner.query(`DROP INDEX "IDX_9f2977a9b3a69dee09c6d84e7c"`);
    await queryRunner.query(`DROP INDEX "IDX_7b48ca5881464e3a41d08a5aae"`);
    await queryRunner.query(`DROP INDEX "IDX_6ab3f8a098a21ab6a1cc6ced82"`);
    await queryRunner.query(`DROP TABLE "hermes_labors"`);
    await queryRunner.query(`DROP INDEX "IDX_0e1ef06433ddb7bcee01784270"`);
    await queryRunner.query(`DROP INDEX "IDX_98a16f7998902bd66a2033d46c"`);
    await queryRunner.query(`DROP TABLE "hermes_quests"`);
    await queryRunner.query(`DROP INDEX "IDX_7e6dc09b8a3d09792d54622e49"`);
    await queryRunner.query(`DROP INDEX "IDX_d6d901558c766e9cae96c10814"`);
    await queryRunner.query(`DROP TABLE "hermes_fates"`);
    await queryRunner.query(`DROP INDEX "IDX_e11c52ae630149456dd5e25a87"`);
    await queryRunner.query(`DROP INDEX "IDX_b43589693001a4eedba14b0730"`);
    await queryRunner.query(`DROP INDEX "IDX_574aad4d3555de89d756a9fc8e"`);
    await queryRunner.query(`DROP INDEX "IDX_8158ee3eda7458542392d7c1d7"`);
    await queryRunner.query(`DROP TABLE "hermes_events"`);
    await queryRunner.query(`DROP INDEX "IDX_f191811607800860ef2af32a69"`);
    await queryRunner.query(`DROP TABLE "hermes_event_types"`);
  }
}
