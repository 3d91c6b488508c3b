import { Logger } from '@nestjs/common';
import { loggableError } from '../../common/errors/problem';
import { AddOptions, JobProcessor, JobQueue, WorkOptions } from './job-queue';

interface Pending {
  name: string;
  payload: object;
  options: AddOptions;
  attempt: number;
}

/**
 * Runs jobs in this process, for the embedded default: nothing survives a restart, so work that
 * must (jobs with targets, deploys) records its own state in the database and is resumed or
 * failed by its owner at start-up.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly logger = new Logger('JobQueue');
  private readonly processors = new Map<string, { run: JobProcessor<object>; concurrency: number; active: number }>();
  private readonly waiting = new Map<string, Pending[]>();
  private readonly queuedIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly schedules = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  add<T extends object>(name: string, payload: T, options: AddOptions = {}): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (options.jobId) {
      const key = `${name}:${options.jobId}`;
      if (this.queuedIds.has(key)) return Promise.resolve();
      this.queuedIds.add(key);
    }
    this.enqueue({ name, payload, options, attempt: 1 }, options.delayMs ?? 0);
    return Promise.resolve();
  }

  work<T extends object>(name: string, processor: JobProcessor<T>, options: WorkOptions = {}): void {
    if (this.processors.has(name)) throw new Error(`a processor for job "${name}" is registered already`);
    this.processors.set(name, {
      run: processor as JobProcessor<object>,
      concurrency: options.concurrency ?? 1,
      active: 0,
    });
    this.drain(name);
  }

  schedule<T extends object>(key: string, name: string, payload: T, everyMs: number): Promise<void> {
    clearInterval(this.schedules.get(key));
    const timer = setInterval(() => void this.add(name, payload, { jobId: `schedule:${key}` }), everyMs);
    timer.unref();
    this.schedules.set(key, timer);
    return Promise.resolve();
  }

  unschedule(key: string): Promise<void> {
    clearInterval(this.schedules.get(key));
    this.schedules.delete(key);
    return Promise.resolve();
  }

  /** Stops taking jobs and waits for the running ones. */
  async close(): Promise<void> {
    this.closed = true;
    this.timers.forEach((t) => clearTimeout(t));
    this.schedules.forEach((t) => clearInterval(t));
    await Promise.allSettled([...this.running]);
  }

  private enqueue(job: Pending, delayMs: number): void {
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.enqueue(job, 0);
      }, delayMs);
      timer.unref();
      this.timers.add(timer);
      return;
    }
    const list = this.waiting.get(job.name) ?? [];
    list.push(job);
    this.waiting.set(job.name, list);
    this.drain(job.name);
  }

  private drain(name: string): void {
    const processor = this.processors.get(name);
    const list = this.waiting.get(name);
    while (!this.closed && processor && list?.length && processor.active < processor.concurrency) {
      const job = list.shift() as Pending;
      processor.active++;
      const run = this.runOne(processor.run, job).finally(() => {
        processor.active--;
        this.running.delete(run);
        this.drain(name);
      });
      this.running.add(run);
    }
  }

  private async runOne(processor: JobProcessor<object>, job: Pending): Promise<void> {
    const attempts = Math.max(1, job.options.attempts ?? 1);
    const key = job.options.jobId ? `${job.name}:${job.options.jobId}` : undefined;
    try {
      await processor(job.payload, { attempt: job.attempt, lastAttempt: job.attempt >= attempts });
      if (key) this.queuedIds.delete(key);
    } catch (e) {
      if (job.attempt < attempts && !this.closed) {
        const wait = (job.options.backoffMs ?? 1000) * 2 ** (job.attempt - 1);
        this.enqueue({ ...job, attempt: job.attempt + 1 }, wait);
        return;
      }
      if (key) this.queuedIds.delete(key);
      this.logger.error({ err: loggableError(e), job: job.name, attempt: job.attempt }, 'Job failed');
    }
  }
}
