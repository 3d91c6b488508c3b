import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { Transactions } from '../database/transactions';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../common/crypto/password-hasher';
import { AppConfig } from '../config/app-config';
import { User, UserStatus } from './entities/user.entity';

/** On an empty database, creates the first administrator. */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.serveHttp) return; // API nodes own the schema and its first rows
    if ((await this.dataSource.getRepository(User).count()) > 0) return;
    const { username } = this.config.admin;
    const generated = this.config.admin.password === undefined;
    const password = this.config.admin.password ?? randomBytes(12).toString('base64url');
    try {
      await this.tx.run(async (em) => {
        const admin = await em.save(
          em.create(User, {
            username,
            passwordHash: await hashPassword(password),
            isAdmin: true,
            status: UserStatus.ENABLED,
          }),
        );
        await this.audit.record(em, {
          operator: null,
          operatorName: 'system',
          module: 'acl',
          targetType: 'user',
          targetId: admin.id,
          targetName: username,
          operation: 'bootstrap_admin',
          after: { username, isAdmin: true },
        });
      });
    } catch (e) {
      // Another node starting on the same empty database won the race.
      if (e instanceof QueryFailedError) return;
      throw e;
    }
    this.logger.log(`Created the bootstrap administrator "${username}"`);
    if (generated) {
      // Printed once, straight to the terminal and not into the JSON log stream.
      process.stdout.write(
        `\n  Bootstrap administrator: ${username}\n  Generated password:      ${password}\n` +
          `  It is shown only this once; set ADMIN_PASSWORD to choose your own on a new database.\n\n`,
      );
    }
  }
}
