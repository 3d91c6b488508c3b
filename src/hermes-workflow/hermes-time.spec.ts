import { HermesClock, parseHermesTime, storedTime, wireTime } from './hermes-time';

describe('hermes time', () => {
  it('stores six fraction digits and shows none when the fraction is zero', () => {
    expect(storedTime(Date.UTC(2015, 4, 5, 22, 13, 11))).toBe('2015-05-05 22:13:11.000000');
    expect(wireTime('2015-05-05 22:13:11.000000')).toBe('2015-05-05 22:13:11');
    expect(storedTime(Date.UTC(2015, 4, 5, 22, 13, 11, 250), 7)).toBe('2015-05-05 22:13:11.250007');
    expect(wireTime('2015-05-05 22:13:11.250007')).toBe('2015-05-05 22:13:11.250007');
    expect(wireTime(null)).toBeNull();
  });

  it('reads what Python str(datetime) writes, keeping the microseconds', () => {
    expect(parseHermesTime('2026-12-06 16:25:03.123456')).toBe('2026-12-06 16:25:03.123456');
    expect(parseHermesTime('2026-12-06 16:25:03')).toBe('2026-12-06 16:25:03.000000');
    expect(parseHermesTime('2026-12-06T16:25:03.5')).toBe('2026-12-06 16:25:03.500000');
    expect(parseHermesTime('2026-12-06')).toBe('2026-12-06 00:00:00.000000');
    expect(parseHermesTime('2026-12-06 16:25')).toBe('2026-12-06 16:25:00.000000');
  });

  it('drops a time-zone suffix instead of converting it, as the original did', () => {
    expect(parseHermesTime('2026-12-06 16:25:03+02:00')).toBe('2026-12-06 16:25:03.000000');
    expect(parseHermesTime('2026-12-06T16:25:03Z')).toBe('2026-12-06 16:25:03.000000');
    expect(parseHermesTime('2026-12-06 16:25:03 UTC')).toBe('2026-12-06 16:25:03.000000');
  });

  it('refuses text that is not a date, and dates that do not exist', () => {
    expect(parseHermesTime('next tuesday')).toBeNull();
    expect(parseHermesTime('2015-04-31 10:00:00')).toBeNull();
    expect(parseHermesTime('2015-02-10 25:00:00')).toBeNull();
    expect(parseHermesTime('')).toBeNull();
  });
});

describe('HermesClock', () => {
  it('hands out strictly increasing stamps, also within one millisecond and when the clock steps back', () => {
    let t = Date.UTC(2026, 0, 1);
    const clock = new HermesClock(() => t);
    expect(clock.now()).toBe('2026-01-01 00:00:00.000000');
    expect(clock.now()).toBe('2026-01-01 00:00:00.000001');
    t -= 5;
    expect(clock.now()).toBe('2026-01-01 00:00:00.000002');
    t += 10;
    expect(clock.now()).toBe('2026-01-01 00:00:00.005000');
    const stamps = Array.from({ length: 1500 }, () => clock.now());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(1500);
  });
});
