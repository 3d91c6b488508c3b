import { MigrationInterface, QueryRunner } from 'typeorm';

export class Approvals1796681223293 implements MigrationInterface {
  name = 'Approvals1796681223293';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "approval_decisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "approval_id" integer NOT NULL, "action" varchar(16) NOT NULL, "user_id" integer, "username" varchar(64), "reason" text, "to_user_id" integer, "to_username" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4101967ba63c8c09f30d180ca7" ON "approval_decisions" ("approval_id") `);
    await queryRunner.query(
      `CREATE TABLE "approvals" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resource_type" varchar(32) NOT NULL, "resource_id" varchar(64) NOT NULL, "review_permission" varchar(64) NOT NULL, "scope_type" varchar(32) NOT NULL, "scope_id" varchar(64) NOT NULL, "level" varchar(1), "required_approvals" integer NOT NULL DEFAULT (1), "status" varchar CHECK( "status" IN ('wait_review','approved','rejected','running','finished','failed','closed') ) NOT NULL DEFAULT ('wait_review'), "requester_id" integer NOT NULL, "requester_name" varchar(64) NOT NULL, "assignee_id" integer, "planned_exec_time" datetime, "error" text, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_91859798d3d63b6121e2499b32" ON "approvals" ("assignee_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_86b1895d02c86f4a48c68e9224" ON "approvals" ("status", "planned_exec_time") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_106970c507e77aba1404e3cee4" ON "approvals" ("resource_type", "resource_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_106970c507e77aba1404e3cee4"`);
    await queryRunner.query(`DROP INDEX "IDX_86b1895d02c86f4a48c68e9224"`);
    await queryRunner.query(`DROP INDEX "IDX_91859798d3d63b6121e2499b32"`);
    await queryRunner.query(`DROP TABLE "approvals"`);
    await queryRunner.query(`DROP INDEX "IDX_4101967ba63c8c09f30d180ca7"`);
    await queryRunner.query(`DROP TABLE "approval_decisions"`);
  }
}
