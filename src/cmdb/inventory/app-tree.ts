/** Pure rules of the application tree. */

/** The full name of an application under a parent (or at the root). */
export function fullNameOf(name: string, parentFullName: string | null): string {
  return parentFullName ? `${parentFullName}.${name}` : name;
}

/** Whether `candidate` is `app` itself or lies below it, judged by full names. */
export function isSelfOrDescendant(appFullName: string, candidateFullName: string): boolean {
  return candidateFullName === appFullName || candidateFullName.startsWith(`${appFullName}.`);
}

/** The new full name of a descendant when its ancestor's full name changes from `from` to `to`. */
export function renamedDescendant(descendant: string, from: string, to: string): string {
  return `${to}${descendant.slice(from.length)}`;
}

/** Full names of the ancestors, nearest last: A.B.C → [A, A.B]. */
export function ancestorFullNames(fullName: string): string[] {
  const parts = fullName.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}
