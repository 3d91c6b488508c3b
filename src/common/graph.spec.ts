import { reachable, wouldCycle } from './graph';

// 4 -> 2 -> 1, 4 -> 3 -> 1 (a diamond), 5 alone
const edges = [
  { from: 2, to: 1 },
  { from: 3, to: 1 },
  { from: 4, to: 2 },
  { from: 4, to: 3 },
];

describe('graph', () => {
  it('collects every reachable node once, through diamonds', () => {
    expect([...reachable([4], edges)].sort()).toEqual([1, 2, 3, 4]);
    expect([...reachable([2, 5], edges)].sort()).toEqual([1, 2, 5]);
    expect([...reachable([], edges)]).toEqual([]);
  });

  it('refuses links that would close a loop, including to itself', () => {
    expect(wouldCycle(1, 4, edges)).toBe(true);
    expect(wouldCycle(2, 4, edges)).toBe(true);
    expect(wouldCycle(3, 3, edges)).toBe(true);
    expect(wouldCycle(5, 4, edges)).toBe(false);
    expect(wouldCycle(4, 5, edges)).toBe(false);
    expect(wouldCycle(3, 2, edges)).toBe(false);
  });
});
