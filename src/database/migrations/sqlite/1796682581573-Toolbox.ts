import { MigrationInterface, QueryRunner } from 'typeorm';

export class Toolbox1796682581573 implements MigrationInterface {
  name = 'Toolbox1796682581573';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cdn_provider_settings" ("provider" varchar(16) PRIMARY KEY NOT NULL, "endpoint" varchar(2048) NOT NULL, "access_key_id" varchar(255) NOT NULL, "sealed_secret" text, "updated_by" varchar(64), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cdn_refresh_tasks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "urls" text NOT NULL, "provider" varchar CHECK( "provider" IN ('wangsu','tecent','ali') ) NOT NULL, "refresh_mode" varchar CHECK( "refresh_mode" IN ('single_file','recursive') ) NOT NULL, "status" varchar CHECK( "status" IN ('running','finished','failed') ) NOT NULL DEFAULT ('running'), "error" text, "provider_task_id" varchar(128), "attempts" integer NOT NULL DEFAULT (0), "creator_id" integer NOT NULL, "creator_name" varchar(64) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "finished_at" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f595d032c93686ad269955ee7c" ON "cdn_refresh_tasks" ("provider") `);
    await queryRunner.query(`CREATE INDEX "IDX_4bc9621ff4d8339d611b4d170a" ON "cdn_refresh_tasks" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_a352c011cb19482414703b475f" ON "cdn_refresh_tasks" ("creator_name") `);
    await queryRunner.query(`CREATE INDEX "IDX_bfc76503343dc9901ba1fa08f3" ON "cdn_refresh_tasks" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "external_navigators" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "img" varchar(2048) NOT NULL, "url" varchar(2048) NOT NULL, "creator_id" integer NOT NULL, "creator_name" varchar(64) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d11ec816892a1ad00a9599dd86" ON "external_navigators" ("name") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_d11ec816892a1ad00a9599dd86"`);
    await queryRunner.query(`DROP TABLE "external_navigators"`);
    await queryRunner.query(`DROP INDEX "IDX_bfc76503343dc9901ba1fa08f3"`);
    await queryRunner.query(`DROP INDEX "IDX_a352c011cb19482414703b475f"`);
    await queryRunner.query(`DROP INDEX "IDX_4bc9621ff4d8339d611b4d170a"`);
    await queryRunner.query(`DROP INDEX "IDX_f595d032c93686ad269955ee7c"`);
    await queryRunner.query(`DROP TABLE "cdn_refresh_tasks"`);
    await queryRunner.query(`DROP TABLE "cdn_provider_settings"`);
  }
}
