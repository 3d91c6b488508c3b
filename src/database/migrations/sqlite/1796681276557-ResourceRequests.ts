import { MigrationInterface, QueryRunner } from 'typeorm';

export class ResourceRequests1796681276557 implements MigrationInterface {
  name = 'ResourceRequests1796681276557';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "certificate_authorities" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "certificate" text NOT NULL, "sealed_key" text NOT NULL, "not_after" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_5b160d6951ebfb141fbfd83a0fc" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "domain_requests" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "creator_id" integer NOT NULL, "creator_name" varchar(64) NOT NULL, "status" varchar CHECK( "status" IN ('wait_review','approved','rejected','closed','finished') ) NOT NULL DEFAULT ('wait_review'), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "finished_at" datetime, "records" text NOT NULL, "associated_app_ids" text NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bc5d75847ad793f0ff033662ff" ON "domain_requests" ("creator_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fb921863567b585508ac64b74b" ON "domain_requests" ("creator_name") `);
    await queryRunner.query(`CREATE INDEX "IDX_5eb211d085bbfbc3dcb49e5524" ON "domain_requests" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_5a9eb0801405f39815ae1eefa9" ON "domain_requests" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "host_requests" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "creator_id" integer NOT NULL, "creator_name" varchar(64) NOT NULL, "status" varchar CHECK( "status" IN ('wait_review','approved','rejected','closed','finished') ) NOT NULL DEFAULT ('wait_review'), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "finished_at" datetime, "purpose" varchar(1000) NOT NULL, "expect_delivery_days" integer NOT NULL DEFAULT (7), "expiration_days" integer, "login_user_ids" text NOT NULL, "shipped_package_ids" text NOT NULL, "required_hosts" text NOT NULL, "host_ids" text NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_372df09f72a21f2802643d65a8" ON "host_requests" ("creator_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4fc65c31ba624a20ffd91ee252" ON "host_requests" ("creator_name") `);
    await queryRunner.query(`CREATE INDEX "IDX_010745acc772c7b71d399189ad" ON "host_requests" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_7a06d9a09129ec17afbeed7b69" ON "host_requests" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "ssl_certificate_requests" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "creator_id" integer NOT NULL, "creator_name" varchar(64) NOT NULL, "status" varchar CHECK( "status" IN ('wait_review','approved','rejected','closed','finished') ) NOT NULL DEFAULT ('wait_review'), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "finished_at" datetime, "domain" varchar(253) NOT NULL, "certificate_type" varchar CHECK( "certificate_type" IN ('wizard','normal') ) NOT NULL, "purpose" varchar(1000), "expect_delivery_days" integer NOT NULL DEFAULT (7), "associated_app_ids" text NOT NULL, "csr" text, "certificate" text, "chain" text, "key_source" varchar(16), "serial_number" varchar(64), "not_before" datetime, "not_after" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9e2e5a5d5c156de9ebef6fd1d8" ON "ssl_certificate_requests" ("creator_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b3fc09dbe9d1a5480bcc76f40d" ON "ssl_certificate_requests" ("creator_name") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_df0fc83e9f80a81497f300aeb8" ON "ssl_certificate_requests" ("status") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_c3805787058531f214986597df" ON "ssl_certificate_requests" ("created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_410446dbf58bda62a177d341c2" ON "ssl_certificate_requests" ("domain") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_f80ce9dad2eb8492fca64978d7" ON "ssl_certificate_requests" ("certificate_type") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fa77b35509ba10a8ce40467c34" ON "ssl_certificate_requests" ("not_after") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_fa77b35509ba10a8ce40467c34"`);
    await queryRunner.query(`DROP INDEX "IDX_f80ce9dad2eb8492fca64978d7"`);
    await queryRunner.query(`DROP INDEX "IDX_410446dbf58bda62a177d341c2"`);
    await queryRunner.query(`DROP INDEX "IDX_c3805787058531f214986597df"`);
    await queryRunner.query(`DROP INDEX "IDX_df0fc83e9f80a81497f300aeb8"`);
    await queryRunner.query(`DROP INDEX "IDX_b3fc09dbe9d1a5480bcc76f40d"`);
    await queryRunner.query(`DROP INDEX "IDX_9e2e5a5d5c156de9ebef6fd1d8"`);
    await queryRunner.query(`DROP TABLE "ssl_certificate_requests"`);
    await queryRunner.query(`DROP INDEX "IDX_7a06d9a09129ec17afbeed7b69"`);
    await queryRunner.query(`DROP INDEX "IDX_010745acc772c7b71d399189ad"`);
    await queryRunner.query(`DROP INDEX "IDX_4fc65c31ba624a20ffd91ee252"`);
    await queryRunner.query(`DROP INDEX "IDX_372df09f72a21f2802643d65a8"`);
    await queryRunner.query(`DROP TABLE "host_requests"`);
    await queryRunner.query(`DROP INDEX "IDX_5a9eb0801405f39815ae1eefa9"`);
    await queryRunner.query(`DROP INDEX "IDX_5eb211d085bbfbc3dcb49e5524"`);
    await queryRunner.query(`DROP INDEX "IDX_fb921863567b585508ac64b74b"`);
    await queryRunner.query(`DROP INDEX "IDX_bc5d75847ad793f0ff033662ff"`);
    await queryRunner.query(`DROP TABLE "domain_requests"`);
    await queryRunner.query(`DROP TABLE "certificate_authorities"`);
  }
}
