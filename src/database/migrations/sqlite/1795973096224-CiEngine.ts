import { MigrationInterface, QueryRunner } from 'typeorm';

export class CiEngine1795973096224 implements MigrationInterface {
  name = 'CiEngine1795973096224';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ci_attribute_choices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "attr_id" integer NOT NULL, "value" varchar(255) NOT NULL, "position" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_abd39caac978ad7db44bf3488f" ON "ci_attribute_choices" ("attr_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_attribute_histories" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "record_id" integer NOT NULL, "ci_id" integer NOT NULL, "attr_id" integer, "operate_type" varchar(8) NOT NULL, "old" text, "new" text)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0ce642618a172c864a6725b5f7" ON "ci_attribute_histories" ("ci_id", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3f98e5c6fa8cfd3dde7fa4272a" ON "ci_attribute_histories" ("record_id") `);
    await queryRunner.query(
      `CREATE TABLE "ci_attributes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "alias" varchar(64) NOT NULL, "value_type" varchar(8) NOT NULL, "is_list" boolean NOT NULL DEFAULT (0), "is_unique" boolean NOT NULL DEFAULT (0), "is_index" boolean NOT NULL DEFAULT (0), "is_link" boolean NOT NULL DEFAULT (0), "is_password" boolean NOT NULL DEFAULT (0), "is_sortable" boolean NOT NULL DEFAULT (0), "deleted" boolean NOT NULL DEFAULT (0), "deleted_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_47d3f8c0ebb43af760711e50ab" ON "ci_attributes" ("alias") `);
    await queryRunner.query(`CREATE INDEX "IDX_3b891333854f8ef0310e8c5566" ON "ci_attributes" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "ci_history_records" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "operator_id" integer, "operator_name" varchar(64), "origin" varchar(64), "ticket_id" varchar(64), "reason" varchar(255), "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_01d5d5bd0bcd1300a12244971e" ON "ci_history_records" ("operator_name") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd2f3b6d08171ca19cfee1e60a" ON "ci_history_records" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "ci_preference_attributes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "type_id" integer NOT NULL, "attr_id" integer NOT NULL, "position" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_17d6930cb3485d717e142932c1" ON "ci_preference_attributes" ("attr_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_83ed7f9f229730838a47ebf2f9" ON "ci_preference_attributes" ("user_id", "type_id", "attr_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_preference_tree_views" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "type_id" integer NOT NULL, "levels" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a174905b3ae2d0b488a3893df4" ON "ci_preference_tree_views" ("user_id", "type_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_relation_histories" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "record_id" integer NOT NULL, "relation_id" integer NOT NULL, "first_ci_id" integer NOT NULL, "second_ci_id" integer NOT NULL, "relation_type_id" integer NOT NULL, "operate_type" varchar(8) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7275efbcba437424d9b43ecc79" ON "ci_relation_histories" ("second_ci_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_86a2468e3ee7069d9d427abe9b" ON "ci_relation_histories" ("first_ci_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8fe6494b389196ca2c972679b7" ON "ci_relation_histories" ("record_id") `);
    await queryRunner.query(
      `CREATE TABLE "ci_relation_types" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(32) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_7b35580d97a5d4e244e2032663d" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_relation_views" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "cr_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_51d326696437ef1192947c0e65f" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_relations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "first_ci_id" integer NOT NULL, "second_ci_id" integer NOT NULL, "relation_type_id" integer NOT NULL, "more" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8f6e761479c74fadf8df72b57a" ON "ci_relations" ("second_ci_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_52f3f32330584fff56f04df97a" ON "ci_relations" ("first_ci_id", "second_ci_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_type_attribute_group_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "group_id" integer NOT NULL, "attr_id" integer NOT NULL, "position" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_66c078503f4d45ea8360debd46" ON "ci_type_attribute_group_items" ("attr_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3224b5795244fb292ebd61659c" ON "ci_type_attribute_group_items" ("group_id", "attr_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_type_attribute_groups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type_id" integer NOT NULL, "name" varchar(64) NOT NULL, "position" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d526dd732f1c9d3595760da8c6" ON "ci_type_attribute_groups" ("type_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_type_attributes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type_id" integer NOT NULL, "attr_id" integer NOT NULL, "position" integer NOT NULL DEFAULT (0), "is_required" boolean NOT NULL DEFAULT (0), "default_show" boolean NOT NULL DEFAULT (1))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_906fca4731cdcf50edf320d0c8" ON "ci_type_attributes" ("attr_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0144b807fd6713caa528f6318b" ON "ci_type_attributes" ("type_id", "attr_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_type_group_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "group_id" integer NOT NULL, "type_id" integer NOT NULL, "position" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_89b1fed02f417fb094b6bfc661" ON "ci_type_group_items" ("type_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d16a7ec438d413986553d405a9" ON "ci_type_group_items" ("group_id", "type_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_type_groups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "position" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_91ed984c50302b1d2cf637f26f8" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_type_relations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_id" integer NOT NULL, "child_id" integer NOT NULL, "relation_type_id" integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_03c7c4335e9936a29140b0a0c9" ON "ci_type_relations" ("child_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2aedecda40980ea007cc134d58" ON "ci_type_relations" ("parent_id", "child_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_types" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "alias" varchar(64) NOT NULL, "unique_id" integer NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "is_attached" boolean NOT NULL DEFAULT (0), "icon_url" varchar(255), "position" integer NOT NULL DEFAULT (0), "deleted" boolean NOT NULL DEFAULT (0), "deleted_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_550dfb4165a36091374f5d5741" ON "ci_types" ("alias") `);
    await queryRunner.query(`CREATE INDEX "IDX_78ed7c6aa987e204a7a488e1b2" ON "ci_types" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "ci_values_datetime" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ci_id" integer NOT NULL, "attr_id" integer NOT NULL, "value" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f0d1f634dcd7c8b08797641f90" ON "ci_values_datetime" ("attr_id", "value", "ci_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b99149466f29c6fff760355171" ON "ci_values_datetime" ("ci_id", "attr_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ci_values_float" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ci_id" integer NOT NULL, "attr_id" integer NOT NULL, "value" double NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1c50f94d823f33ba66e80b4d62" ON "ci_values_float" ("attr_id", "value", "ci_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_48ecaef716597a8d98edf078fd" ON "ci_values_float" ("ci_id", "attr_id") `);
    await queryRunner.query(
      `CREATE TABLE "ci_values_int" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ci_id" integer NOT NULL, "attr_id" integer NOT NULL, "value" bigint NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e4d197e49a6ccb4f967333623a" ON "ci_values_int" ("attr_id", "value", "ci_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2d55c586c751be43b764cb0aea" ON "ci_values_int" ("ci_id", "attr_id") `);
    await queryRunner.query(
      `CREATE TABLE "ci_values_json" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ci_id" integer NOT NULL, "attr_id" integer NOT NULL, "value" text NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2c65990f63936eb6fc617de13d" ON "ci_values_json" ("ci_id", "attr_id") `);
    await queryRunner.query(
      `CREATE TABLE "ci_values_text" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ci_id" integer NOT NULL, "attr_id" integer NOT NULL, "value" text NOT NULL, "value_key" varchar(191) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a6266883dc7c27806b7fe41f39" ON "ci_values_text" ("attr_id", "value_key", "ci_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f7cc68e3d2b84cd2de34f78539" ON "ci_values_text" ("ci_id", "attr_id") `);
    await queryRunner.query(
      `CREATE TABLE "cis" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type_id" integer NOT NULL, "status" varchar(8), "heartbeat" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dbec3dd0879a36b14e1f1fa274" ON "cis" ("type_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_757607504905a3f0da19f25cdd" ON "cis" ("type_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_757607504905a3f0da19f25cdd"`);
    await queryRunner.query(`DROP INDEX "IDX_dbec3dd0879a36b14e1f1fa274"`);
    await queryRunner.query(`DROP TABLE "cis"`);
    await queryRunner.query(`DROP INDEX "IDX_f7cc68e3d2b84cd2de34f78539"`);
    await queryRunner.query(`DROP INDEX "IDX_a6266883dc7c27806b7fe41f39"`);
    await queryRunner.query(`DROP TABLE "ci_values_text"`);
    await queryRunner.query(`DROP INDEX "IDX_2c65990f63936eb6fc617de13d"`);
    await queryRunner.query(`DROP TABLE "ci_values_json"`);
    await queryRunner.query(`DROP INDEX "IDX_2d55c586c751be43b764cb0aea"`);
    await queryRunner.query(`DROP INDEX "IDX_e4d197e49a6ccb4f967333623a"`);
    await queryRunner.query(`DROP TABLE "ci_values_int"`);
    await queryRunner.query(`DROP INDEX "IDX_48ecaef716597a8d98edf078fd"`);
    await queryRunner.query(`DROP INDEX "IDX_1c50f94d823f33ba66e80b4d62"`);
    await queryRunner.query(`DROP TABLE "ci_values_float"`);
    await queryRunner.query(`DROP INDEX "IDX_b99149466f29c6fff760355171"`);
    await queryRunner.query(`DROP INDEX "IDX_f0d1f634dcd7c8b08797641f90"`);
    await queryRunner.query(`DROP TABLE "ci_values_datetime"`);
    await queryRunner.query(`DROP INDEX "IDX_78ed7c6aa987e204a7a488e1b2"`);
    await queryRunner.query(`DROP INDEX "IDX_550dfb4165a36091374f5d5741"`);
    await queryRunner.query(`DROP TABLE "ci_types"`);
    await queryRunner.query(`DROP INDEX "IDX_2aedecda40980ea007cc134d58"`);
    await queryRunner.query(`DROP INDEX "IDX_03c7c4335e9936a29140b0a0c9"`);
    await queryRunner.query(`DROP TABLE "ci_type_relations"`);
    await queryRunner.query(`DROP TABLE "ci_type_groups"`);
    await queryRunner.query(`DROP INDEX "IDX_d16a7ec438d413986553d405a9"`);
    await queryRunner.query(`DROP INDEX "IDX_89b1fed02f417fb094b6bfc661"`);
    await queryRunner.query(`DROP TABLE "ci_type_group_items"`);
    await queryRunner.query(`DROP INDEX "IDX_0144b807fd6713caa528f6318b"`);
    await queryRunner.query(`DROP INDEX "IDX_906fca4731cdcf50edf320d0c8"`);
    await queryRunner.query(`DROP TABLE "ci_type_attributes"`);
    await queryRunner.query(`DROP INDEX "IDX_d526dd732f1c9d3595760da8c6"`);
    await queryRunner.query(`DROP TABLE "ci_type_attribute_groups"`);
    await queryRunner.query(`DROP INDEX "IDX_3224b5795244fb292ebd61659c"`);
    await queryRunner.query(`DROP INDEX "IDX_66c078503f4d45ea8360debd46"`);
    await queryRunner.query(`DROP TABLE "ci_type_attribute_group_items"`);
    await queryRunner.query(`DROP INDEX "IDX_52f3f32330584fff56f04df97a"`);
    await queryRunner.query(`DROP INDEX "IDX_8f6e761479c74fadf8df72b57a"`);
    await queryRunner.query(`DROP TABLE "ci_relations"`);
    await queryRunner.query(`DROP TABLE "ci_relation_views"`);
    await queryRunner.query(`DROP TABLE "ci_relation_types"`);
    await queryRunner.query(`DROP INDEX "IDX_8fe6494b389196ca2c972679b7"`);
    await queryRunner.query(`DROP INDEX "IDX_86a2468e3ee7069d9d427abe9b"`);
    await queryRunner.query(`DROP INDEX "IDX_7275efbcba437424d9b43ecc79"`);
    await queryRunner.query(`DROP TABLE "ci_relation_histories"`);
    await queryRunner.query(`DROP INDEX "IDX_a174905b3ae2d0b488a3893df4"`);
    await queryRunner.query(`DROP TABLE "ci_preference_tree_views"`);
    await queryRunner.query(`DROP INDEX "IDX_83ed7f9f229730838a47ebf2f9"`);
    await queryRunner.query(`DROP INDEX "IDX_17d6930cb3485d717e142932c1"`);
    await queryRunner.query(`DROP TABLE "ci_preference_attributes"`);
    await queryRunner.query(`DROP INDEX "IDX_bd2f3b6d08171ca19cfee1e60a"`);
    await queryRunner.query(`DROP INDEX "IDX_01d5d5bd0bcd1300a12244971e"`);
    await queryRunner.query(`DROP TABLE "ci_history_records"`);
    await queryRunner.query(`DROP INDEX "IDX_3b891333854f8ef0310e8c5566"`);
    await queryRunner.query(`DROP INDEX "IDX_47d3f8c0ebb43af760711e50ab"`);
    await queryRunner.query(`DROP TABLE "ci_attributes"`);
    await queryRunner.query(`DROP INDEX "IDX_3f98e5c6fa8cfd3dde7fa4272a"`);
    await queryRunner.query(`DROP INDEX "IDX_0ce642618a172c864a6725b5f7"`);
    await queryRunner.query(`DROP TABLE "ci_attribute_histories"`);
    await queryRunner.query(`DROP INDEX "IDX_abd39caac978ad7db44bf3488f"`);
    await queryRunner.query(`DROP TABLE "ci_attribute_choices"`);
  }
}
