/** Parent links between roles: `child` inherits everything granted to `parent`. */
export interface RoleEdge {
  childId: number;
  parentId: number;
}

/** The given roles and all their ancestors, each once. */
export function withAncestors(roleIds: Iterable<number>, edges: readonly RoleEdge[]): Set<number> {
  const parents = new Map<number, number[]>();
  for (const e of edges) parents.set(e.childId, [...(parents.get(e.childId) ?? []), e.parentId]);
  const seen = new Set<number>();
  const stack = [...roleIds];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(parents.get(id) ?? []));
  }
  return seen;
}

/** True when making `parentId` a parent of `childId` would close a loop. */
export function wouldCycle(childId: number, parentId: number, edges: readonly RoleEdge[]): boolean {
  return childId === parentId || withAncestors([parentId], edges).has(childId);
}
