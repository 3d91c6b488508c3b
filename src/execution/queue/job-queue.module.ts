// The job queue other modules add named jobs to and register processors on: in this process by
// default; a BullMQ adapter on Redis takes its place when REDIS_URL is set.
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { InProcessJobQueue } from './in-process-job-queue';
import { JOB_QUEUE, JobQueue } from './job-queue';

@Global()
@Module({
  providers: [{ provide: JOB_QUEUE, useFactory: (): JobQueue => new InProcessJobQueue() }],
  exports: [JOB_QUEUE],
})
export class JobQueueModule implements OnApplicationShutdown {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.queue instanceof InProcessJobQueue) await this.queue.close();
  }
}
