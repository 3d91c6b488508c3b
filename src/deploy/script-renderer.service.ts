import { ChildProcess, spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InvalidInputError } from '../common/errors/domain-errors';
import { AppConfig } from '../config/app-config';
import { describeRenderProblem, renderProblem } from './render-error';
import type { ContextValue } from './script-context';
import { RENDER_CHILD_SOURCE } from './script-render-child';

/** Heap of the renderer process: a template that builds more fails alone. */
export const RENDER_MEMORY_MB = 64;
const START_TIMEOUT_MS = 15_000;

interface Job {
  id: number;
  content: string;
  context: Record<string, ContextValue>;
  field: string;
  resolve: (output: string) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

type Answer =
  | { ready: true }
  | { id: number; ok: true; output: string }
  | { id: number; ok: false; message: string; lineno?: number; colno?: number };

/**
 * Renders deploy scripts (Jinja, by nunjucks) in a separate, reused Node process, one script at a
 * time, each within DEPLOY_RENDER_TIMEOUT_MS: an endless template costs a killed process and a
 * 400, never a blocked service. See script-render-child.ts for what a template can reach.
 */
@Injectable()
export class ScriptRenderer implements OnModuleDestroy {
  private readonly timeoutMs: number;
  private readonly nunjucksDir = dirname(require.resolve('nunjucks/package.json'));
  private child: ChildProcess | null = null;
  private ready = false;
  private queue: Job[] = [];
  private running: Job | null = null;
  private nextId = 1;

  constructor(config: AppConfig) {
    this.timeoutMs = config.deploy.renderTimeoutMs;
  }

  /** The rendered text; a template that fails is a 400 on `field` naming the line. */
  render(content: string, context: Record<string, ContextValue>, field = 'content'): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, content, context, field, resolve, reject });
      this.pump();
    });
  }

  onModuleDestroy(): void {
    this.stop();
    for (const job of this.queue.splice(0)) job.reject(new Error('the service is stopping'));
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const child = this.child ?? this.start();
    if (!this.ready) return;
    const job = this.queue.shift() as Job;
    this.running = job;
    job.timer = setTimeout(() => {
      this.stop();
      this.finish(
        job,
        new InvalidInputError(job.field, `rendering took longer than ${this.timeoutMs} ms and was stopped`),
      );
    }, this.timeoutMs);
    child.send({ id: job.id, content: job.content, context: job.context }, (e) => {
      if (e && this.running === job) {
        this.stop();
        this.finish(job, new Error(`the script renderer is gone: ${e.message}`));
      }
    });
  }

  private start(): ChildProcess {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${RENDER_MEMORY_MB}`, '-e', RENDER_CHILD_SOURCE, this.nunjucksDir],
      // No environment: nothing of the service's configuration reaches the renderer.
      { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: {} },
    );
    this.child = child;
    this.ready = false;
    // Referenced, like each job's timer: a queued script keeps the process alive until it is answered.
    const startTimer = setTimeout(() => {
      if (this.child === child && !this.ready) this.crashed(child, 'did not start');
    }, START_TIMEOUT_MS);
    child.on('message', (m: Answer) => {
      if (child !== this.child) return;
      if ('ready' in m) {
        clearTimeout(startTimer);
        this.ready = true;
        this.pump();
        return;
      }
      const job = this.running;
      if (!job || job.id !== m.id) return;
      if (m.ok) this.finish(job, m.output);
      else
        this.finish(
          job,
          new InvalidInputError(
            job.field,
            describeRenderProblem(renderProblem(m.message, m.lineno, m.colno, job.content.split('\n').length)),
          ),
        );
    });
    child.on('exit', () => {
      clearTimeout(startTimer);
      this.crashed(child, 'stopped');
    });
    child.on('error', (e) => {
      clearTimeout(startTimer);
      this.crashed(child, e.message);
    });
    // An idle renderer does not keep the service (or a test run) alive.
    child.unref();
    child.channel?.unref();
    return child;
  }

  /** The process died under a job: almost always a template that outgrew its memory. */
  private crashed(child: ChildProcess, why: string): void {
    if (child !== this.child) return;
    this.stop();
    const job = this.running;
    if (job) {
      this.finish(
        job,
        new InvalidInputError(job.field, `rendering stopped: it needed more than ${RENDER_MEMORY_MB} MB of memory`),
      );
    } else if (this.queue.length > 0) {
      // Nothing was running: the renderer itself failed to start.
      for (const queued of this.queue.splice(0)) queued.reject(new Error(`the script renderer ${why}`));
    }
  }

  private stop(): void {
    const child = this.child;
    this.child = null;
    this.ready = false;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private finish(job: Job, result: string | Error): void {
    clearTimeout(job.timer);
    if (this.running === job) this.running = null;
    if (typeof result === 'string') job.resolve(result);
    else job.reject(result);
    this.pump();
  }
}
