import { MigrationInterface, QueryRunner } from 'typeorm';

export class Acl1795394524796 implements MigrationInterface {
  name = 'Acl1795394524796';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "acl_resources" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "type_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_65b758a1e6845787bc79c5abb1" ON "acl_resources" ("type_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "acl_resource_groups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "type_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0a275551bb9cb96d52fcd9c47c" ON "acl_resource_groups" ("type_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "acl_resource_types" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "description" varchar(255), "perms" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_42692f004d1a1eb9ddccc38b84c" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "description" varchar(255), "user_id" integer NOT NULL, "value_hash" varchar(64) NOT NULL, "last_used_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_0b80c2ce1445c85534c6d24376a" UNIQUE ("value_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b74883f5884a42fd8496d389b2" ON "api_tokens" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "grants" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(8) NOT NULL, "subject_id" integer NOT NULL, "permission" varchar(64) NOT NULL, "resource_type" varchar(32) NOT NULL, "resource_id" varchar(64) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_73cf067e667b6c9261fedd9e9f" ON "grants" ("resource_type", "resource_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1a76e3329dca1b8bf6f77ae3ed" ON "grants" ("subject_type", "subject_id", "resource_type", "resource_id", "permission") `,
    );
    await queryRunner.query(
      `CREATE TABLE "password_resets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime NOT NULL, "used_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_323290a9239ad3d397ad78018ec" UNIQUE ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "revoked_tokens" ("token_id" varchar(64) PRIMARY KEY NOT NULL, "expires_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5aee0c1828e7b9238ca3fe47bc" ON "revoked_tokens" ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "roles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "description" varchar(255), "is_admin" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_648e3f5447f725579d7d4ffdfb7" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mail_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recipient" varchar(255) NOT NULL, "subject" varchar(255) NOT NULL, "body" text NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('pending'), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "sent_at" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5af7c9042a454fe9d90c3b6dd7" ON "mail_messages" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "acl_resource_group_items" ("group_id" integer NOT NULL, "resource_id" integer NOT NULL, PRIMARY KEY ("group_id", "resource_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_12e2a9580cab202d7e6e35c016" ON "acl_resource_group_items" ("group_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ff351a31716ae53b5eac4055d7" ON "acl_resource_group_items" ("resource_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "user_roles" ("user_id" integer NOT NULL, "role_id" integer NOT NULL, PRIMARY KEY ("user_id", "role_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_87b8888186ca9769c960e92687" ON "user_roles" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b23c65e50a758245a33ee35fda" ON "user_roles" ("role_id") `);
    await queryRunner.query(
      `CREATE TABLE "role_parents" ("child_id" integer NOT NULL, "parent_id" integer NOT NULL, PRIMARY KEY ("child_id", "parent_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_82daf45761e5cd2151c7cc937a" ON "role_parents" ("child_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_882d170ebeb7639d7c397ff340" ON "role_parents" ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "temporary_users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "email" varchar(255), "password_hash" varchar(255) NOT NULL, "status" varchar CHECK( "status" IN ('enabled','disabled') ) NOT NULL DEFAULT ('enabled'), "is_admin" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "phone" varchar(32), "nickname" varchar(64), "department" varchar(128), "type" integer NOT NULL DEFAULT (0), "public_key" text, "api_key" varchar(32), "api_secret" text, CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "UQ_5eca8d5cef84b0af85b7b83fd7f" UNIQUE ("api_key"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_users"("id", "username", "email", "password_hash", "status", "is_admin", "created_at", "updated_at") SELECT "id", "username", "email", "password_hash", "status", "is_admin", "created_at", "updated_at" FROM "users"`,
    );
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`ALTER TABLE "temporary_users" RENAME TO "users"`);
    await queryRunner.query(`DROP INDEX "IDX_12e2a9580cab202d7e6e35c016"`);
    await queryRunner.query(`DROP INDEX "IDX_ff351a31716ae53b5eac4055d7"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_acl_resource_group_items" ("group_id" integer NOT NULL, "resource_id" integer NOT NULL, CONSTRAINT "FK_12e2a9580cab202d7e6e35c0161" FOREIGN KEY ("group_id") REFERENCES "acl_resource_groups" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_ff351a31716ae53b5eac4055d7f" FOREIGN KEY ("resource_id") REFERENCES "acl_resources" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("group_id", "resource_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_acl_resource_group_items"("group_id", "resource_id") SELECT "group_id", "resource_id" FROM "acl_resource_group_items"`,
    );
    await queryRunner.query(`DROP TABLE "acl_resource_group_items"`);
    await queryRunner.query(`ALTER TABLE "temporary_acl_resource_group_items" RENAME TO "acl_resource_group_items"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_12e2a9580cab202d7e6e35c016" ON "acl_resource_group_items" ("group_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ff351a31716ae53b5eac4055d7" ON "acl_resource_group_items" ("resource_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_87b8888186ca9769c960e92687"`);
    await queryRunner.query(`DROP INDEX "IDX_b23c65e50a758245a33ee35fda"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_user_roles" ("user_id" integer NOT NULL, "role_id" integer NOT NULL, CONSTRAINT "FK_87b8888186ca9769c960e926870" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_b23c65e50a758245a33ee35fda1" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("user_id", "role_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_user_roles"("user_id", "role_id") SELECT "user_id", "role_id" FROM "user_roles"`,
    );
    await queryRunner.query(`DROP TABLE "user_roles"`);
    await queryRunner.query(`ALTER TABLE "temporary_user_roles" RENAME TO "user_roles"`);
    await queryRunner.query(`CREATE INDEX "IDX_87b8888186ca9769c960e92687" ON "user_roles" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b23c65e50a758245a33ee35fda" ON "user_roles" ("role_id") `);
    await queryRunner.query(`DROP INDEX "IDX_82daf45761e5cd2151c7cc937a"`);
    await queryRunner.query(`DROP INDEX "IDX_882d170ebeb7639d7c397ff340"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_role_parents" ("child_id" integer NOT NULL, "parent_id" integer NOT NULL, CONSTRAINT "FK_82daf45761e5cd2151c7cc937a5" FOREIGN KEY ("child_id") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_882d170ebeb7639d7c397ff340f" FOREIGN KEY ("parent_id") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("child_id", "parent_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_role_parents"("child_id", "parent_id") SELECT "child_id", "parent_id" FROM "role_parents"`,
    );
    await queryRunner.query(`DROP TABLE "role_parents"`);
    await queryRunner.query(`ALTER TABLE "temporary_role_parents" RENAME TO "role_parents"`);
    await queryRunner.query(`CREATE INDEX "IDX_82daf45761e5cd2151c7cc937a" ON "role_parents" ("child_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_882d170ebeb7639d7c397ff340" ON "role_parents" ("parent_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_882d170ebeb7639d7c397ff340"`);
    await queryRunner.query(`DROP INDEX "IDX_82daf45761e5cd2151c7cc937a"`);
    await queryRunner.query(`ALTER TABLE "role_parents" RENAME TO "temporary_role_parents"`);
    await queryRunner.query(
      `CREATE TABLE "role_parents" ("child_id" integer NOT NULL, "parent_id" integer NOT NULL, PRIMARY KEY ("child_id", "parent_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "role_parents"("child_id", "parent_id") SELECT "child_id", "parent_id" FROM "temporary_role_parents"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_role_parents"`);
    await queryRunner.query(`CREATE INDEX "IDX_882d170ebeb7639d7c397ff340" ON "role_parents" ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_82daf45761e5cd2151c7cc937a" ON "role_parents" ("child_id") `);
    await queryRunner.query(`DROP INDEX "IDX_b23c65e50a758245a33ee35fda"`);
    await queryRunner.query(`DROP INDEX "IDX_87b8888186ca9769c960e92687"`);
    await queryRunner.query(`ALTER TABLE "user_roles" RENAME TO "temporary_user_roles"`);
    await queryRunner.query(
      `CREATE TABLE "user_roles" ("user_id" integer NOT NULL, "role_id" integer NOT NULL, PRIMARY KEY ("user_id", "role_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "user_roles"("user_id", "role_id") SELECT "user_id", "role_id" FROM "temporary_user_roles"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_user_roles"`);
    await queryRunner.query(`CREATE INDEX "IDX_b23c65e50a758245a33ee35fda" ON "user_roles" ("role_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_87b8888186ca9769c960e92687" ON "user_roles" ("user_id") `);
    await queryRunner.query(`DROP INDEX "IDX_ff351a31716ae53b5eac4055d7"`);
    await queryRunner.query(`DROP INDEX "IDX_12e2a9580cab202d7e6e35c016"`);
    await queryRunner.query(`ALTER TABLE "acl_resource_group_items" RENAME TO "temporary_acl_resource_group_items"`);
    await queryRunner.query(
      `CREATE TABLE "acl_resource_group_items" ("group_id" integer NOT NULL, "resource_id" integer NOT NULL, PRIMARY KEY ("group_id", "resource_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "acl_resource_group_items"("group_id", "resource_id") SELECT "group_id", "resource_id" FROM "temporary_acl_resource_group_items"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_acl_resource_group_items"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ff351a31716ae53b5eac4055d7" ON "acl_resource_group_items" ("resource_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_12e2a9580cab202d7e6e35c016" ON "acl_resource_group_items" ("group_id") `,
    );
    await queryRunner.query(`ALTER TABLE "users" RENAME TO "temporary_users"`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "email" varchar(255), "password_hash" varchar(255) NOT NULL, "status" varchar CHECK( "status" IN ('enabled','disabled') ) NOT NULL DEFAULT ('enabled'), "is_admin" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`,
    );
    await queryRunner.query(
      `INSERT INTO "users"("id", "username", "email", "password_hash", "status", "is_admin", "created_at", "updated_at") SELECT "id", "username", "email", "password_hash", "status", "is_admin", "created_at", "updated_at" FROM "temporary_users"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_users"`);
    await queryRunner.query(`DROP INDEX "IDX_882d170ebeb7639d7c397ff340"`);
    await queryRunner.query(`DROP INDEX "IDX_82daf45761e5cd2151c7cc937a"`);
    await queryRunner.query(`DROP TABLE "role_parents"`);
    await queryRunner.query(`DROP INDEX "IDX_b23c65e50a758245a33ee35fda"`);
    await queryRunner.query(`DROP INDEX "IDX_87b8888186ca9769c960e92687"`);
    await queryRunner.query(`DROP TABLE "user_roles"`);
    await queryRunner.query(`DROP INDEX "IDX_ff351a31716ae53b5eac4055d7"`);
    await queryRunner.query(`DROP INDEX "IDX_12e2a9580cab202d7e6e35c016"`);
    await queryRunner.query(`DROP TABLE "acl_resource_group_items"`);
    await queryRunner.query(`DROP INDEX "IDX_5af7c9042a454fe9d90c3b6dd7"`);
    await queryRunner.query(`DROP TABLE "mail_messages"`);
    await queryRunner.query(`DROP TABLE "roles"`);
    await queryRunner.query(`DROP INDEX "IDX_5aee0c1828e7b9238ca3fe47bc"`);
    await queryRunner.query(`DROP TABLE "revoked_tokens"`);
    await queryRunner.query(`DROP TABLE "password_resets"`);
    await queryRunner.query(`DROP INDEX "IDX_1a76e3329dca1b8bf6f77ae3ed"`);
    await queryRunner.query(`DROP INDEX "IDX_73cf067e667b6c9261fedd9e9f"`);
    await queryRunner.query(`DROP TABLE "grants"`);
    await queryRunner.query(`DROP INDEX "IDX_b74883f5884a42fd8496d389b2"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    await queryRunner.query(`DROP TABLE "acl_resource_types"`);
    await queryRunner.query(`DROP INDEX "IDX_0a275551bb9cb96d52fcd9c47c"`);
    await queryRunner.query(`DROP TABLE "acl_resource_groups"`);
    await queryRunner.query(`DROP INDEX "IDX_65b758a1e6845787bc79c5abb1"`);
    await queryRunner.query(`DROP TABLE "acl_resources"`);
  }
}
