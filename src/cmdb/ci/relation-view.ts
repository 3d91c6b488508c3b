// The layout of a relation view (cmdb.md §10, preference/relation/view): its CI types in
// topological layers, its leaves, and which child types each node can show. Pure.

export interface TypePair {
  parent_id: number;
  child_id: number;
}

export interface RelationViewLayout {
  /** Layers: types with no parent in the view first, then their children, and so on. */
  topo: number[][];
  topoFlatten: number[];
  /** Types of the view that are nobody's parent in it. */
  leaf: number[];
  /** For each leaf, the child types of its type relations. */
  leaf2showTypes: Record<number, number[]>;
  /** For each node, the child types its leaves below can show. */
  node2showTypes: Record<number, number[]>;
}

/** Layers of a child → parents map (Kahn's algorithm); undefined when the pairs form a cycle. */
export function layers(parentsOf: ReadonlyMap<number, ReadonlySet<number>>): number[][] | undefined {
  const nodes = new Set<number>();
  for (const [child, parents] of parentsOf) {
    nodes.add(child);
    parents.forEach((p) => nodes.add(p));
  }
  const done = new Set<number>();
  const out: number[][] = [];
  while (done.size < nodes.size) {
    const layer = [...nodes]
      .filter((n) => !done.has(n) && [...(parentsOf.get(n) ?? [])].every((p) => done.has(p)))
      .sort((a, b) => a - b);
    if (layer.length === 0) return undefined;
    layer.forEach((n) => done.add(n));
    out.push(layer);
  }
  return out;
}

export function relationViewLayout(
  pairs: readonly TypePair[],
  childTypesOf: (typeId: number) => number[],
): RelationViewLayout | undefined {
  const parentsOf = new Map<number, Set<number>>();
  for (const p of pairs) parentsOf.set(p.child_id, new Set([...(parentsOf.get(p.child_id) ?? []), p.parent_id]));
  const topo = layers(parentsOf);
  if (!topo) return undefined;
  const topoFlatten = topo.flat();
  const parents = new Set(pairs.map((p) => p.parent_id));
  const leaf = topoFlatten.filter((n) => !parents.has(n));
  const leaf2showTypes: Record<number, number[]> = Object.fromEntries(leaf.map((l) => [l, childTypesOf(l)]));
  const node2showTypes: Record<number, number[]> = Object.fromEntries(leaf.map((l) => [l, [...leaf2showTypes[l]]]));
  const climb = (node: number, shown: readonly number[], seen: Set<number>) => {
    for (const parent of parentsOf.get(node) ?? []) {
      if (seen.has(parent)) continue;
      const list = (node2showTypes[parent] ??= []);
      shown.forEach((t) => list.includes(t) || list.push(t));
      climb(parent, shown, new Set([...seen, parent]));
    }
  };
  leaf.forEach((l) => climb(l, leaf2showTypes[l], new Set([l])));
  return { topo, topoFlatten, leaf, leaf2showTypes, node2showTypes };
}
