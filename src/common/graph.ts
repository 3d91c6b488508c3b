/** A directed link: `from` points at `to` (a child role at its parent, an app at what it requires). */
export interface Edge {
  from: number;
  to: number;
}

/** The given nodes and everything reachable from them, each once. */
export function reachable(start: Iterable<number>, edges: readonly Edge[]): Set<number> {
  const out = new Map<number, number[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const seen = new Set<number>();
  const stack = [...start];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return seen;
}

/** True when adding the link `from` → `to` would close a loop. */
export function wouldCycle(from: number, to: number, edges: readonly Edge[]): boolean {
  return from === to || reachable([to], edges).has(from);
}
