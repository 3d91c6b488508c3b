import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () => new LoginThrottle(60_000, () => now);

  beforeEach(() => (now = 1_000_000));

  it('lets a key try until it reaches the limit, then locks it for the window', () => {
    const t = throttle();
    for (let i = 0; i < 2; i++) {
      expect(t.retryAfter('user:bob', 3)).toBe(0);
      t.fail('user:bob');
    }
    expect(t.retryAfter('user:bob', 3)).toBe(0);
    t.fail('user:bob');
    expect(t.retryAfter('user:bob', 3)).toBe(60);
    now += 30_500;
    expect(t.retryAfter('user:bob', 3)).toBe(30);
    now += 30_000;
    expect(t.retryAfter('user:bob', 3)).toBe(0);
  });

  it('keeps keys apart and forgets a key on reset', () => {
    const t = throttle();
    t.fail('user:a');
    t.fail('user:a');
    expect(t.retryAfter('user:a', 2)).toBeGreaterThan(0);
    expect(t.retryAfter('user:b', 2)).toBe(0);
    t.reset('user:a');
    expect(t.retryAfter('user:a', 2)).toBe(0);
  });

  it('starts counting afresh once a window has passed', () => {
    const t = throttle();
    t.fail('ip:1');
    now += 61_000;
    t.fail('ip:1');
    expect(t.retryAfter('ip:1', 2)).toBe(0);
  });
});
