import { MigrationInterface, QueryRunner } from 'typeorm';

export class Deploy1796680595198 implements MigrationInterface {
  name = 'Deploy1796680595198';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deploy_scripts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "language" varchar(16) NOT NULL, "content" text NOT NULL, "template_engine" varchar(16) NOT NULL, "creator_name" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_2484dff3481e7683653f5125659" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "repository_credentials" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "type" varchar CHECK( "type" IN ('PASSWORD','SSH_PRIVATE_KEY') ) NOT NULL, "username" varchar(128) NOT NULL, "sealed_secret" text NOT NULL, "creator_name" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_5a2c06aaad00bc5f43928faaad1" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "deploy_templates" ("enabled" boolean, "repository_type" varchar CHECK( "repository_type" IN ('GIT','SVN','HTTP','FTP','PATH') ), "repository_url" varchar(1024), "repository_branch" varchar(255), "credential_id" integer, "deploy_path" varchar(1024), "script_running_user" varchar(32), "timeout" integer, "keep_backups" integer, "global_pre_exec_script_id" integer, "global_pre_exec_running_user" varchar(32), "pre_exec_script_id" integer, "pre_exec_running_user" varchar(32), "post_exec_script_id" integer, "post_exec_running_user" varchar(32), "global_post_exec_script_id" integer, "global_post_exec_running_user" varchar(32), "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "creator_name" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_ca3bd9f98e083da7e7a0434244e" UNIQUE ("name"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_984cb564fff72e3ffa6facb717" ON "deploy_templates" ("credential_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_da995864c972eaf7af71135ded" ON "deploy_templates" ("global_pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3fd99a839b0a1c5dc5f913c5c4" ON "deploy_templates" ("pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_42ad5dfd64a393896a28daa105" ON "deploy_templates" ("post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_329c9699e12aff8dd5ff01f5f8" ON "deploy_templates" ("global_post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "deploy_settings" ("enabled" boolean, "repository_type" varchar CHECK( "repository_type" IN ('GIT','SVN','HTTP','FTP','PATH') ), "repository_url" varchar(1024), "repository_branch" varchar(255), "credential_id" integer, "deploy_path" varchar(1024), "script_running_user" varchar(32), "timeout" integer, "keep_backups" integer, "global_pre_exec_script_id" integer, "global_pre_exec_running_user" varchar(32), "pre_exec_script_id" integer, "pre_exec_running_user" varchar(32), "post_exec_script_id" integer, "post_exec_running_user" varchar(32), "global_post_exec_script_id" integer, "global_post_exec_running_user" varchar(32), "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "application_id" integer NOT NULL, "template_id" integer, "creator_name" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d8fc6cf95d5ae3beae6ff7ab1d" ON "deploy_settings" ("credential_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_8e735a7706482978e8bce9d7bf" ON "deploy_settings" ("global_pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c569db72601039d671f4cb95bc" ON "deploy_settings" ("pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_97897f788ae2c3221e4c5b3031" ON "deploy_settings" ("post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_70348d1a20895b1ba2bedbb293" ON "deploy_settings" ("global_post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6a5e49ef598fc088b526866e57" ON "deploy_settings" ("application_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c5faf042ab87cbc974ff96ea71" ON "deploy_settings" ("template_id") `);
    await queryRunner.query(`DROP INDEX "IDX_984cb564fff72e3ffa6facb717"`);
    await queryRunner.query(`DROP INDEX "IDX_da995864c972eaf7af71135ded"`);
    await queryRunner.query(`DROP INDEX "IDX_3fd99a839b0a1c5dc5f913c5c4"`);
    await queryRunner.query(`DROP INDEX "IDX_42ad5dfd64a393896a28daa105"`);
    await queryRunner.query(`DROP INDEX "IDX_329c9699e12aff8dd5ff01f5f8"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_deploy_templates" ("enabled" boolean, "repository_type" varchar CHECK( "repository_type" IN ('GIT','SVN','HTTP','FTP','PATH') ), "repository_url" varchar(1024), "repository_branch" varchar(255), "credential_id" integer, "deploy_path" varchar(1024), "script_running_user" varchar(32), "timeout" integer, "keep_backups" integer, "global_pre_exec_script_id" integer, "global_pre_exec_running_user" varchar(32), "pre_exec_script_id" integer, "pre_exec_running_user" varchar(32), "post_exec_script_id" integer, "post_exec_running_user" varchar(32), "global_post_exec_script_id" integer, "global_post_exec_running_user" varchar(32), "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "creator_name" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_ca3bd9f98e083da7e7a0434244e" UNIQUE ("name"), CONSTRAINT "FK_984cb564fff72e3ffa6facb717f" FOREIGN KEY ("credential_id") REFERENCES "repository_credentials" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_da995864c972eaf7af71135ded2" FOREIGN KEY ("global_pre_exec_script_id") REFERENCES "deploy_scripts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_3fd99a839b0a1c5dc5f913c5c4c" FOREIGN KEY ("pre_exec_script_id") REFERENCES "deploy_scripts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_42ad5dfd64a393896a28daa105e" FOREIGN KEY ("post_exec_script_id") REFERENCES "deploy_scripts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_329c9699e12aff8dd5ff01f5f8a" FOREIGN KEY ("global_post_exec_script_id") REFERENCES "deploy_scripts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_deploy_templates"("enabled", "repository_type", "repository_url", "repository_branch", "credential_id", "deploy_path", "script_running_user", "timeout", "keep_backups", "global_pre_exec_script_id", "global_pre_exec_running_user", "pre_exec_script_id", "pre_exec_running_user", "post_exec_script_id", "post_exec_running_user", "global_post_exec_script_id", "global_post_exec_running_user", "id", "name", "creator_name", "created_at", "updated_at") SELECT "enabled", "repository_type", "repository_url", "repository_branch", "credential_id", "deploy_path", "script_running_user", "timeout", "keep_backups", "global_pre_exec_script_id", "global_pre_exec_running_user", "pre_exec_script_id", "pre_exec_running_user", "post_exec_script_id", "post_exec_running_user", "global_post_exec_script_id", "global_post_exec_running_user", "id", "name", "creator_name", "created_at", "updated_at" FROM "deploy_templates"`,
    );
    await queryRunner.query(`DROP TABLE "deploy_templates"`);
    await queryRunner.query(`ALTER TABLE "temporary_deploy_templates" RENAME TO "deploy_templates"`);
    await queryRunner.query(`CREATE INDEX "IDX_984cb564fff72e3ffa6facb717" ON "deploy_templates" ("credential_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_da995864c972eaf7af71135ded" ON "deploy_templates" ("global_pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3fd99a839b0a1c5dc5f913c5c4" ON "deploy_templates" ("pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_42ad5dfd64a393896a28daa105" ON "deploy_templates" ("post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_329c9699e12aff8dd5ff01f5f8" ON "deploy_templates" ("global_post_exec_script_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_d8fc6cf95d5ae3beae6ff7ab1d"`);
    await queryRunner.query(`DROP INDEX "IDX_8e735a7706482978e8bce9d7bf"`);
    await queryRunner.query(`DROP INDEX "IDX_c569db72601039d671f4cb95bc"`);
    await queryRunner.query(`DROP INDEX "IDX_97897f788ae2c3221e4c5b3031"`);
    await queryRunner.query(`DROP INDEX "IDX_70348d1a20895b1ba2bedbb293"`);
    await queryRunner.query(`DROP INDEX "IDX_6a5e49ef598fc088b526866e57"`);
    await queryRunner.query(`DROP INDEX "IDX_c5faf042ab87cbc974ff96ea71"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_deploy_settings" ("enabled" boolean, "repository_type" varchar CHECK( "repository_type" IN ('GIT','SVN','HTTP','FTP','PATH') ), "repository_url" varchar(1024), "repository_branch" varchar(255), "credential_id" integer, "deploy_path" varchar(1024), "script_running_user" varchar(32), "timeout" integer, "keep_backups" integer, "global_pre_exec_script_id" integer, "global_pre_exec_running_user" varchar(32), "pre_exec_script_id" integer, "pre_exec_running_user" varchar(32), "post_exec_script_id" integer, "post_exec_running_user" varchar(32), "global_post_exec_script_id" integer, "global_post_exec_running_user" varchar(32), "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "application_id" integer NOT NULL, "template_id" integer, "creator_name" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_d8fc6cf95d5ae3beae6ff7ab1da" FOREIGN KEY ("credential_id") REFERENCES "repository_credentials" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_8e735a7706482978e8bce9d7bfe" FOREIGN KEY ("global_pre_exec_script_id") REFERENCES "deploy_scripts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_c569db72601039d671f4cb95bca" FOREIGN KEY ("pre_exec_script_id") REFERENCES "deploy_scripts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_97897f788ae2c3221e4c5b3031c" FOREIGN KEY ("post_exec_script_id") REFERENCES "deploy_scripts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_70348d1a20895b1ba2bedbb2933" FOREIGN KEY ("global_post_exec_script_id") REFERENCES "deploy_scripts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_6a5e49ef598fc088b526866e570" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c5faf042ab87cbc974ff96ea71e" FOREIGN KEY ("template_id") REFERENCES "deploy_templates" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_deploy_settings"("enabled", "repository_type", "repository_url", "repository_branch", "credential_id", "deploy_path", "script_running_user", "timeout", "keep_backups", "global_pre_exec_script_id", "global_pre_exec_running_user", "pre_exec_script_id", "pre_exec_running_user", "post_exec_script_id", "post_exec_running_user", "global_post_exec_script_id", "global_post_exec_running_user", "id", "application_id", "template_id", "creator_name", "created_at", "updated_at") SELECT "enabled", "repository_type", "repository_url", "repository_branch", "credential_id", "deploy_path", "script_running_user", "timeout", "keep_backups", "global_pre_exec_script_id", "global_pre_exec_running_user", "pre_exec_script_id", "pre_exec_running_user", "post_exec_script_id", "post_exec_running_user", "global_post_exec_script_id", "global_post_exec_running_user", "id", "application_id", "template_id", "creator_name", "created_at", "updated_at" FROM "deploy_settings"`,
    );
    await queryRunner.query(`DROP TABLE "deploy_settings"`);
    await queryRunner.query(`ALTER TABLE "temporary_deploy_settings" RENAME TO "deploy_settings"`);
    await queryRunner.query(`CREATE INDEX "IDX_d8fc6cf95d5ae3beae6ff7ab1d" ON "deploy_settings" ("credential_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_8e735a7706482978e8bce9d7bf" ON "deploy_settings" ("global_pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c569db72601039d671f4cb95bc" ON "deploy_settings" ("pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_97897f788ae2c3221e4c5b3031" ON "deploy_settings" ("post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_70348d1a20895b1ba2bedbb293" ON "deploy_settings" ("global_post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6a5e49ef598fc088b526866e57" ON "deploy_settings" ("application_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c5faf042ab87cbc974ff96ea71" ON "deploy_settings" ("template_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c5faf042ab87cbc974ff96ea71"`);
    await queryRunner.query(`DROP INDEX "IDX_6a5e49ef598fc088b526866e57"`);
    await queryRunner.query(`DROP INDEX "IDX_70348d1a20895b1ba2bedbb293"`);
    await queryRunner.query(`DROP INDEX "IDX_97897f788ae2c3221e4c5b3031"`);
    await queryRunner.query(`DROP INDEX "IDX_c569db72601039d671f4cb95bc"`);
    await queryRunner.query(`DROP INDEX "IDX_8e735a7706482978e8bce9d7bf"`);
    await queryRunner.query(`DROP INDEX "IDX_d8fc6cf95d5ae3beae6ff7ab1d"`);
    await queryRunner.query(`ALTER TABLE "deploy_settings" RENAME TO "temporary_deploy_settings"`);
    await queryRunner.query(
      `CREATE TABLE "deploy_settings" ("enabled" boolean, "repository_type" varchar CHECK( "repository_type" IN ('GIT','SVN','HTTP','FTP','PATH') ), "repository_url" varchar(1024), "repository_branch" varchar(255), "credential_id" integer, "deploy_path" varchar(1024), "script_running_user" varchar(32), "timeout" integer, "keep_backups" integer, "global_pre_exec_script_id" integer, "global_pre_exec_running_user" varchar(32), "pre_exec_script_id" integer, "pre_exec_running_user" varchar(32), "post_exec_script_id" integer, "post_exec_running_user" varchar(32), "global_post_exec_script_id" integer, "global_post_exec_running_user" varchar(32), "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "application_id" integer NOT NULL, "template_id" integer, "creator_name" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "deploy_settings"("enabled", "repository_type", "repository_url", "repository_branch", "credential_id", "deploy_path", "script_running_user", "timeout", "keep_backups", "global_pre_exec_script_id", "global_pre_exec_running_user", "pre_exec_script_id", "pre_exec_running_user", "post_exec_script_id", "post_exec_running_user", "global_post_exec_script_id", "global_post_exec_running_user", "id", "application_id", "template_id", "creator_name", "created_at", "updated_at") SELECT "enabled", "repository_type", "repository_url", "repository_branch", "credential_id", "deploy_path", "script_running_user", "timeout", "keep_backups", "global_pre_exec_script_id", "global_pre_exec_running_user", "pre_exec_script_id", "pre_exec_running_user", "post_exec_script_id", "post_exec_running_user", "global_post_exec_script_id", "global_post_exec_running_user", "id", "application_id", "template_id", "creator_name", "created_at", "updated_at" FROM "temporary_deploy_settings"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_deploy_settings"`);
    await queryRunner.query(`CREATE INDEX "IDX_c5faf042ab87cbc974ff96ea71" ON "deploy_settings" ("template_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6a5e49ef598fc088b526866e57" ON "deploy_settings" ("application_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_70348d1a20895b1ba2bedbb293" ON "deploy_settings" ("global_post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_97897f788ae2c3221e4c5b3031" ON "deploy_settings" ("post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c569db72601039d671f4cb95bc" ON "deploy_settings" ("pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8e735a7706482978e8bce9d7bf" ON "deploy_settings" ("global_pre_exec_script_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d8fc6cf95d5ae3beae6ff7ab1d" ON "deploy_settings" ("credential_id") `);
    await queryRunner.query(`DROP INDEX "IDX_329c9699e12aff8dd5ff01f5f8"`);
    await queryRunner.query(`DROP INDEX "IDX_42ad5dfd64a393896a28daa105"`);
    await queryRunner.query(`DROP INDEX "IDX_3fd99a839b0a1c5dc5f913c5c4"`);
    await queryRunner.query(`DROP INDEX "IDX_da995864c972eaf7af71135ded"`);
    await queryRunner.query(`DROP INDEX "IDX_984cb564fff72e3ffa6facb717"`);
    await queryRunner.query(`ALTER TABLE "deploy_templates" RENAME TO "temporary_deploy_templates"`);
    await queryRunner.query(
      `CREATE TABLE "deploy_templates" ("enabled" boolean, "repository_type" varchar CHECK( "repository_type" IN ('GIT','SVN','HTTP','FTP','PATH') ), "repository_url" varchar(1024), "repository_branch" varchar(255), "credential_id" integer, "deploy_path" varchar(1024), "script_running_user" varchar(32), "timeout" integer, "keep_backups" integer, "global_pre_exec_script_id" integer, "global_pre_exec_running_user" varchar(32), "pre_exec_script_id" integer, "pre_exec_running_user" varchar(32), "post_exec_script_id" integer, "post_exec_running_user" varchar(32), "global_post_exec_script_id" integer, "global_post_exec_running_user" varchar(32), "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "creator_name" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_ca3bd9f98e083da7e7a0434244e" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `INSERT INTO "deploy_templates"("enabled", "repository_type", "repository_url", "repository_branch", "credential_id", "deploy_path", "script_running_user", "timeout", "keep_backups", "global_pre_exec_script_id", "global_pre_exec_running_user", "pre_exec_script_id", "pre_exec_running_user", "post_exec_script_id", "post_exec_running_user", "global_post_exec_script_id", "global_post_exec_running_user", "id", "name", "creator_name", "created_at", "updated_at") SELECT "enabled", "repository_type", "repository_url", "repository_branch", "credential_id", "deploy_path", "script_running_user", "timeout", "keep_backups", "global_pre_exec_script_id", "global_pre_exec_running_user", "pre_exec_script_id", "pre_exec_running_user", "post_exec_script_id", "post_exec_running_user", "global_post_exec_script_id", "global_post_exec_running_user", "id", "name", "creator_name", "created_at", "updated_at" FROM "temporary_deploy_templates"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_deploy_templates"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_329c9699e12aff8dd5ff01f5f8" ON "deploy_templates" ("global_post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_42ad5dfd64a393896a28daa105" ON "deploy_templates" ("post_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3fd99a839b0a1c5dc5f913c5c4" ON "deploy_templates" ("pre_exec_script_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_da995864c972eaf7af71135ded" ON "deploy_templates" ("global_pre_exec_script_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_984cb564fff72e3ffa6facb717" ON "deploy_templates" ("credential_id") `);
    await queryRunner.query(`DROP INDEX "IDX_c5faf042ab87cbc974ff96ea71"`);
    await queryRunner.query(`DROP INDEX "IDX_6a5e49ef598fc088b526866e57"`);
    await queryRunner.query(`DROP INDEX "IDX_70348d1a20895b1ba2bedbb293"`);
    await queryRunner.query(`DROP INDEX "IDX_97897f788ae2c3221e4c5b3031"`);
    await queryRunner.query(`DROP INDEX "IDX_c569db72601039d671f4cb95bc"`);
    await queryRunner.query(`DROP INDEX "IDX_8e735a7706482978e8bce9d7bf"`);
    await queryRunner.query(`DROP INDEX "IDX_d8fc6cf95d5ae3beae6ff7ab1d"`);
    await queryRunner.query(`DROP TABLE "deploy_settings"`);
    await queryRunner.query(`DROP INDEX "IDX_329c9699e12aff8dd5ff01f5f8"`);
    await queryRunner.query(`DROP INDEX "IDX_42ad5dfd64a393896a28daa105"`);
    await queryRunner.query(`DROP INDEX "IDX_3fd99a839b0a1c5dc5f913c5c4"`);
    await queryRunner.query(`DROP INDEX "IDX_da995864c972eaf7af71135ded"`);
    await queryRunner.query(`DROP INDEX "IDX_984cb564fff72e3ffa6facb717"`);
    await queryRunner.query(`DROP TABLE "deploy_templates"`);
    await queryRunner.query(`DROP TABLE "repository_credentials"`);
    await queryRunner.query(`DROP TABLE "deploy_scripts"`);
  }
}
