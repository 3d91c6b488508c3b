import { planRounds } from './event-rounds';

describe('planRounds', () => {
  it('puts requests on distinct hosts in one round', () => {
    expect(planRounds([[1], [2], [3, 4]])).toEqual([[0, 1, 2]]);
  });

  it('gives each request on the same host its own round, in arrival order', () => {
    expect(planRounds([[1], [1], [1]])).toEqual([[0], [1], [2]]);
  });

  it('places a request after the last earlier one sharing any of its hosts, not after unrelated ones', () => {
    // 0: {1,2}; 1: {2}; 2: {3}; 3: {1,3}; 4: {4}; 5: {2}
    expect(planRounds([[1, 2], [2], [3], [1, 3], [4], [2]])).toEqual([[0, 2, 4], [1, 3], [5]]);
  });

  it('keeps every host’s requests in arrival order across rounds', () => {
    const requests = [[5], [6, 5], [6], [7], [5, 7], [6]];
    const rounds = planRounds(requests);
    const roundOf = new Map(rounds.flatMap((r, n) => r.map((i) => [i, n] as const)));
    for (const host of [5, 6, 7]) {
      const order = requests.flatMap((hosts, i) => (hosts.includes(host) ? [roundOf.get(i) as number] : []));
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(new Set(order).size).toBe(order.length);
    }
  });

  it('answers no rounds for no requests', () => {
    expect(planRounds([])).toEqual([]);
  });
});
