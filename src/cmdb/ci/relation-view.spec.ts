import { layers, relationViewLayout } from './relation-view';

describe('relationViewLayout', () => {
  // idc(1) → rack(2) → server(3); idc(1) → network(4). Type relations: server → vm(5), network → port(6).
  const pairs = [
    { parent_id: 1, child_id: 2 },
    { parent_id: 2, child_id: 3 },
    { parent_id: 1, child_id: 4 },
  ];
  const children: Record<number, number[]> = { 3: [5], 4: [6] };

  it('layers the types from the roots down and finds the leaves', () => {
    const layout = relationViewLayout(pairs, (t) => children[t] ?? []);
    expect(layout).toEqual({
      topo: [[1], [2, 4], [3]],
      topoFlatten: [1, 2, 4, 3],
      leaf: [4, 3],
      leaf2showTypes: { 3: [5], 4: [6] },
      node2showTypes: { 1: [6, 5], 2: [5], 3: [5], 4: [6] },
    });
  });

  it('refuses a cycle', () => {
    expect(
      layers(
        new Map([
          [1, new Set([2])],
          [2, new Set([1])],
        ]),
      ),
    ).toBeUndefined();
    expect(
      relationViewLayout(
        [
          { parent_id: 1, child_id: 2 },
          { parent_id: 2, child_id: 1 },
        ],
        () => [],
      ),
    ).toBeUndefined();
  });
});
