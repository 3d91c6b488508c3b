import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795393531188 implements MigrationInterface {
  name = 'Init1795393531188';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "email" varchar(255), "password_hash" varchar(255) NOT NULL, "status" varchar CHECK( "status" IN ('enabled','disabled') ) NOT NULL DEFAULT ('enabled'), "is_admin" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "operator_id" integer, "operator_name" varchar(64), "module" varchar(32) NOT NULL, "target_type" varchar(64) NOT NULL, "target_id" varchar(64), "target_name" varchar(255), "operation" varchar(64) NOT NULL, "detail" text, "before" text, "after" text, "request_id" varchar(64), "client_ip" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b40560c2b90d0cf262b990613d" ON "audit_entries" ("operator_name") `);
    await queryRunner.query(`CREATE INDEX "IDX_27e003a251c8801ec552ed0ebc" ON "audit_entries" ("operation") `);
    await queryRunner.query(`CREATE INDEX "IDX_e0ee9c6f2a2b0cc8f0b5234465" ON "audit_entries" ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_f6bc1ad9882adb5f677c7e4b2f" ON "audit_entries" ("target_type", "target_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2455893c927e41db893b95f29c" ON "audit_entries" ("module", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2455893c927e41db893b95f29c"`);
    await queryRunner.query(`DROP INDEX "IDX_f6bc1ad9882adb5f677c7e4b2f"`);
    await queryRunner.query(`DROP INDEX "IDX_e0ee9c6f2a2b0cc8f0b5234465"`);
    await queryRunner.query(`DROP INDEX "IDX_27e003a251c8801ec552ed0ebc"`);
    await queryRunner.query(`DROP INDEX "IDX_b40560c2b90d0cf262b990613d"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
