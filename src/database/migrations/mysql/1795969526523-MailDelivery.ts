import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailDelivery1795969526523 implements MigrationInterface {
  name = 'MailDelivery1795969526523';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`mail_messages\` ADD \`attempts\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`mail_messages\` ADD \`next_attempt_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`mail_messages\` ADD \`last_error\` varchar(512) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`mail_messages\` DROP COLUMN \`last_error\``);
    await queryRunner.query(`ALTER TABLE \`mail_messages\` DROP COLUMN \`next_attempt_at\``);
    await queryRunner.query(`ALTER TABLE \`mail_messages\` DROP COLUMN \`attempts\``);
  }
}
