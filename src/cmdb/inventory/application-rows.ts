import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { NotFoundError } from '../../common/errors/domain-errors';
import { groupBy } from '../../common/group-by';
import { Application } from './entities/application.entity';

/** What the application services share: reading an application in a transaction, its audit entries, batched loads. */
@Injectable()
export class ApplicationRows {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async lock(em: EntityManager, id: number, field = 'id'): Promise<Application> {
    const app = await em.findOneBy(Application, { id });
    if (!app) throw new NotFoundError('application', id, field);
    return app;
  }

  record(em: EntityManager, actor: Principal, app: Application, operation: string, before: unknown, after: unknown) {
    return this.audit.record(em, {
      operator: actor,
      module: 'application',
      targetType: 'application',
      targetId: app.id,
      targetName: app.fullName,
      operation,
      before,
      after,
    });
  }

  /** Rows of `entity` per application, in one query. */
  async batch<T extends { applicationId: number }>(
    entity: new () => T,
    appIds: readonly number[],
    relations: string[] = [],
  ): Promise<T[][]> {
    if (appIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(entity).find({
      where: { applicationId: In([...appIds]) } as FindOptionsWhere<T>,
      relations,
    });
    return groupBy(appIds, rows, (r) => r.applicationId);
  }
}
