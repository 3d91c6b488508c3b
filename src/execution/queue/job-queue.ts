/**
 * Background work as named jobs: a producer adds a payload under a job name, one processor per
 * name consumes it. The in-process adapter runs jobs in this process (the embedded default);
 * the BullMQ adapter keeps them in Redis, where `ROLE=worker` processes consume them and
 * `ROLE=api` nodes only add. Payloads are JSON: ids and options, never secrets.
 */
export interface JobQueue {
  /** Queues one job. A `jobId` already queued or running is not queued twice. */
  add<T extends object>(name: string, payload: T, options?: AddOptions): Promise<void>;
  /**
   * Registers the processor of `name` (once per name, at start-up). A processor that throws is
   * retried up to `attempts` times (from `add`), then given up; it must tolerate running again.
   * On a node that only adds jobs (ROLE=api with Redis) the processor is not started there.
   */
  work<T extends object>(name: string, processor: JobProcessor<T>, options?: WorkOptions): void;
  /**
   * Adds `name` with `payload` every `everyMs`, once across all nodes sharing the queue
   * (replaces an earlier schedule under the same `key`).
   */
  schedule<T extends object>(key: string, name: string, payload: T, everyMs: number): Promise<void>;
  /** Removes a schedule; unknown keys are ignored. */
  unschedule(key: string): Promise<void>;
}

export interface AddOptions {
  /** Deduplicates: a job with this id still waiting or running is not added again. */
  jobId?: string;
  /** Run no sooner than this many ms from now. */
  delayMs?: number;
  /** Runs in all, counting the first (default 1). */
  attempts?: number;
  /** Wait before the n-th retry: backoffMs * 2^(n-1) (default 1000). */
  backoffMs?: number;
}

export interface WorkOptions {
  /** Jobs of this name run at once on one node (default 1). */
  concurrency?: number;
}

export interface JobContext {
  /** 1 for the first run, 2 for the first retry... */
  attempt: number;
  /** Whether no retry follows if this run fails. */
  lastAttempt: boolean;
}

export type JobProcessor<T> = (payload: T, context: JobContext) => Promise<void>;

/** Injection token of the configured JobQueue. */
export const JOB_QUEUE = Symbol('JOB_QUEUE');
