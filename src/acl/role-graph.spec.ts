import { withAncestors, wouldCycle } from './role-graph';

// 4 -> 2 -> 1, 4 -> 3 -> 1 (a diamond), 5 alone
const edges = [
  { childId: 2, parentId: 1 },
  { childId: 3, parentId: 1 },
  { childId: 4, parentId: 2 },
  { childId: 4, parentId: 3 },
];

describe('role graph', () => {
  it('collects every ancestor once, through diamonds', () => {
    expect([...withAncestors([4], edges)].sort()).toEqual([1, 2, 3, 4]);
    expect([...withAncestors([2, 5], edges)].sort()).toEqual([1, 2, 5]);
    expect([...withAncestors([], edges)]).toEqual([]);
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
