/**
 * Counts failed logins per key (a username, a client IP) in a sliding lock
 * window. Pure and clock-injected so it is unit-tested without waiting.
 * Counters live in this process; with several API nodes each keeps its own.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly lockMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string, limit: number): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    const left = f.until - this.now();
    if (left <= 0) {
      this.failures.delete(key);
      return 0;
    }
    return f.count >= limit ? Math.ceil(left / 1000) : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const f = this.failures.get(key);
    const count = f && f.until > now ? f.count + 1 : 1;
    this.failures.set(key, { count, until: now + this.lockMs });
    if (this.failures.size > 100_000) this.prune();
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(): void {
    const now = this.now();
    for (const [key, f] of this.failures) if (f.until <= now) this.failures.delete(key);
  }
}
