import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailDelivery1795969522754 implements MigrationInterface {
  name = 'MailDelivery1795969522754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5af7c9042a454fe9d90c3b6dd7"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_mail_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recipient" varchar(255) NOT NULL, "subject" varchar(255) NOT NULL, "body" text NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('pending'), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "sent_at" datetime, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime, "last_error" varchar(512))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_mail_messages"("id", "recipient", "subject", "body", "status", "created_at", "sent_at") SELECT "id", "recipient", "subject", "body", "status", "created_at", "sent_at" FROM "mail_messages"`,
    );
    await queryRunner.query(`DROP TABLE "mail_messages"`);
    await queryRunner.query(`ALTER TABLE "temporary_mail_messages" RENAME TO "mail_messages"`);
    await queryRunner.query(`CREATE INDEX "IDX_5af7c9042a454fe9d90c3b6dd7" ON "mail_messages" ("status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5af7c9042a454fe9d90c3b6dd7"`);
    await queryRunner.query(`ALTER TABLE "mail_messages" RENAME TO "temporary_mail_messages"`);
    await queryRunner.query(
      `CREATE TABLE "mail_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recipient" varchar(255) NOT NULL, "subject" varchar(255) NOT NULL, "body" text NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('pending'), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "sent_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "mail_messages"("id", "recipient", "subject", "body", "status", "created_at", "sent_at") SELECT "id", "recipient", "subject", "body", "status", "created_at", "sent_at" FROM "temporary_mail_messages"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_mail_messages"`);
    await queryRunner.query(`CREATE INDEX "IDX_5af7c9042a454fe9d90c3b6dd7" ON "mail_messages" ("status") `);
  }
}
