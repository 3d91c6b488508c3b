import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { loggableError } from '../common/errors/problem';
import { Transactions } from '../database/transactions';
import { JOB_QUEUE, JobContext, JobQueue } from '../execution/queue/job-queue';
import { CdnProvidersService } from './cdn-providers.service';
import { CdnProvider } from './cdn-refresh-input';
import { CDN_REFRESH_JOB, CdnRefreshService } from './cdn-refresh.service';
import { AliCdnClient } from './cdn/ali-cdn.client';
import { CdnClient, CdnProviderError } from './cdn/cdn-client';
import { TencentCdnClient } from './cdn/tencent-cdn.client';
import { WangsuCdnClient } from './cdn/wangsu-cdn.client';
import { CdnRefreshTask, CdnTaskStatus } from './entities/cdn-refresh-task.entity';

const CLIENTS: Record<CdnProvider, CdnClient> = {
  [CdnProvider.ALI]: new AliCdnClient(),
  [CdnProvider.TECENT]: new TencentCdnClient(),
  [CdnProvider.WANGSU]: new WangsuCdnClient(),
};

/**
 * Runs CDN refresh jobs: one provider call per attempt. A transient failure (unreachable, 5xx,
 * throttled) is retried by the queue; a refusal or the last attempt fails the task with the
 * provider's message. Tasks still running at start-up are queued again.
 */
@Injectable()
export class CdnRefreshProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(CdnRefreshProcessor.name);

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly tx: Transactions,
    @InjectRepository(CdnRefreshTask) private readonly tasks: Repository<CdnRefreshTask>,
    private readonly providers: CdnProvidersService,
    private readonly refresh: CdnRefreshService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.queue.work<{ taskId: number }>(CDN_REFRESH_JOB, (p, ctx) => this.run(p.taskId, ctx), { concurrency: 2 });
  }

  async onApplicationBootstrap(): Promise<void> {
    const running = await this.tasks.find({ select: { id: true }, where: { status: CdnTaskStatus.RUNNING } });
    for (const task of running) await this.refresh.enqueue(task.id);
  }

  private async run(taskId: number, ctx: JobContext): Promise<void> {
    const task = await this.tasks.findOneBy({ id: taskId });
    // Done already (a job queued twice across a restart), or gone: nothing to do.
    if (!task || task.status !== CdnTaskStatus.RUNNING) return;
    const credentials = await this.providers.credentialsOf(task.provider);
    if (!credentials) return this.end(task, CdnTaskStatus.FAILED, `${task.provider} is not configured`, null);
    try {
      const { taskId: providerTaskId } = await CLIENTS[task.provider].refresh(task.urls, task.refreshMode, credentials);
      await this.end(task, CdnTaskStatus.FINISHED, null, providerTaskId);
    } catch (e) {
      const known = e instanceof CdnProviderError;
      if (!known) this.logger.error({ err: loggableError(e), taskId }, 'CDN refresh failed unexpectedly');
      const message = known ? e.message : 'the refresh failed unexpectedly';
      if ((known ? e.retryable : true) && !ctx.lastAttempt) {
        await this.tasks.update(
          { id: taskId, status: CdnTaskStatus.RUNNING },
          { error: message, attempts: ctx.attempt },
        );
        throw e;
      }
      await this.end(task, CdnTaskStatus.FAILED, message, null);
    }
  }

  private async end(task: CdnRefreshTask, status: CdnTaskStatus, error: string | null, providerTaskId: string | null) {
    await this.tx.run(async (em) => {
      const done = await em.update(
        CdnRefreshTask,
        { id: task.id, status: CdnTaskStatus.RUNNING },
        {
          status,
          error,
          providerTaskId,
          attempts: () => 'attempts + 1',
          // As the seed's example: a failed task has no finished time.
          finishedAt: status === CdnTaskStatus.FINISHED ? new Date() : null,
        },
      );
      if (!done.affected) return;
      await this.audit.record(em, {
        operator: null,
        module: 'toolbox',
        targetType: 'cdn_refresh_task',
        targetId: task.id,
        operation: status === CdnTaskStatus.FINISHED ? 'finish' : 'fail',
        detail: error,
        after: { status, providerTaskId },
      });
    });
  }
}
