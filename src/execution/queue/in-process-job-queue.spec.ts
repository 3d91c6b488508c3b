import { InProcessJobQueue } from './in-process-job-queue';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('InProcessJobQueue', () => {
  let queue: InProcessJobQueue;
  beforeEach(() => (queue = new InProcessJobQueue()));
  afterEach(() => queue.close());

  it('runs jobs added before their processor registers, in order', async () => {
    const seen: number[] = [];
    await queue.add('n', { i: 1 });
    await queue.add('n', { i: 2 });
    queue.work<{ i: number }>('n', async ({ i }) => void seen.push(i));
    await tick(5);
    expect(seen).toEqual([1, 2]);
  });

  it('keeps to the concurrency of a processor', async () => {
    let active = 0;
    let peak = 0;
    queue.work(
      'n',
      async () => {
        peak = Math.max(peak, ++active);
        await tick(5);
        active--;
      },
      { concurrency: 2 },
    );
    for (let i = 0; i < 6; i++) await queue.add('n', { i });
    await tick(40);
    expect(peak).toBe(2);
  });

  it('retries a failing job with its attempt number until the last attempt', async () => {
    const attempts: [number, boolean][] = [];
    queue.work('n', async (_p, ctx) => {
      attempts.push([ctx.attempt, ctx.lastAttempt]);
      throw new Error('boom');
    });
    await queue.add('n', {}, { attempts: 3, backoffMs: 1 });
    await tick(30);
    expect(attempts).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  it('does not queue a job id twice while it waits, and takes it again once done', async () => {
    let runs = 0;
    await queue.add('n', {}, { jobId: 'x' });
    await queue.add('n', {}, { jobId: 'x' });
    queue.work('n', async () => void runs++);
    await tick(5);
    expect(runs).toBe(1);
    await queue.add('n', {}, { jobId: 'x' });
    await tick(5);
    expect(runs).toBe(2);
  });
});
