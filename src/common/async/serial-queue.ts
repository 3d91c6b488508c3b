/**
 * Runs async jobs one after another, in arrival order. A failing job does not stop the queue.
 * For work that must not interleave within this process (SQLite's one connection has one
 * transaction at a time).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
