import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { JOB_QUEUE, JobQueue } from '../execution/queue/job-queue';
import { CdnProvidersService } from './cdn-providers.service';
import { CdnProvider, checkRefresh, RefreshInput } from './cdn-refresh-input';
import { CdnRefreshTask, CdnTaskStatus } from './entities/cdn-refresh-task.entity';

/** The module whose switches govern the CDN refresher: enable_common_tools, enable_cdn_refresher. */
const MODULE = 'common_tools';

/** The job that calls the provider; its payload is the task id. */
export const CDN_REFRESH_JOB = 'cdn-refresh';
export const CDN_REFRESH_ATTEMPTS = 3;
export const CDN_REFRESH_BACKOFF_MS = 1000;

export interface CdnTaskFilter {
  provider?: CdnProvider;
  creator?: string;
  /** Created at or after. */
  createdAfter?: Date;
  /** Created at or before. */
  createdBefore?: Date;
  status?: CdnTaskStatus;
}

/** CDN refresh tasks: checked, recorded as running, and handed to the job queue. */
@Injectable()
export class CdnRefreshService {
  private readonly maxUrls: number;

  constructor(
    config: AppConfig,
    private readonly tx: Transactions,
    @InjectRepository(CdnRefreshTask) private readonly tasks: Repository<CdnRefreshTask>,
    private readonly providers: CdnProvidersService,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {
    this.maxUrls = config.cdnMaxUrls;
  }

  async create(actor: Principal, input: RefreshInput): Promise<CdnRefreshTask> {
    await this.assertEnabled(actor);
    const task = checkRefresh(input, this.maxUrls);
    if (!(await this.providers.isUsable(task.provider))) {
      throw new InvalidInputError('cdn_service_provider', `${task.provider} is not configured`).because(
        'cdn_provider_unsupported',
      );
    }
    const saved = await this.tx.run(async (em) => {
      const row = await em.save(
        em.create(CdnRefreshTask, {
          ...task,
          status: CdnTaskStatus.RUNNING,
          error: null,
          providerTaskId: null,
          attempts: 0,
          creatorId: actor.userId,
          creatorName: actor.username,
          finishedAt: null,
        }),
      );
      await this.audit.record(em, {
        operator: actor,
        module: 'toolbox',
        targetType: 'cdn_refresh_task',
        targetId: row.id,
        operation: 'add',
        after: task,
      });
      return row;
    });
    await this.enqueue(saved.id);
    return saved;
  }

  /** Queues the provider call of a running task (again after a restart: the job id keeps it single). */
  enqueue(taskId: number): Promise<void> {
    return this.queue.add(
      CDN_REFRESH_JOB,
      { taskId },
      { jobId: `cdn-refresh-${taskId}`, attempts: CDN_REFRESH_ATTEMPTS, backoffMs: CDN_REFRESH_BACKOFF_MS },
    );
  }

  /** Newest first. A shared tool: whoever may use it sees every task. */
  async list(actor: Principal, filter: CdnTaskFilter, offset: number, limit: number) {
    await this.assertEnabled(actor);
    const qb = this.tasks.createQueryBuilder('t');
    if (filter.provider !== undefined) qb.andWhere('t.provider = :provider', { provider: filter.provider });
    if (filter.creator !== undefined) qb.andWhere('t.creatorName = :creator', { creator: filter.creator });
    if (filter.createdAfter) qb.andWhere('t.createdAt >= :after', { after: filter.createdAfter });
    if (filter.createdBefore) qb.andWhere('t.createdAt <= :before', { before: filter.createdBefore });
    if (filter.status !== undefined) qb.andWhere('t.status = :status', { status: filter.status });
    return qb.orderBy('t.id', 'DESC').skip(offset).take(limit).getManyAndCount();
  }

  async get(actor: Principal, id: number): Promise<CdnRefreshTask> {
    await this.assertEnabled(actor);
    const row = await this.tasks.findOneBy({ id });
    if (!row) throw new NotFoundError('CDN refresh task', id);
    return row;
  }

  private async assertEnabled(actor: Principal): Promise<void> {
    await this.acl.assert(actor, 'enable_common_tools', moduleRef(MODULE));
    await this.acl.assert(actor, 'enable_cdn_refresher', moduleRef(MODULE));
  }
}
