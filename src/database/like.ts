/**
 * Substring search with LIKE on both dialects. '!' is the escape character:
 * MySQL reads a backslash inside a string literal as an escape of its own.
 */
export const ESCAPE = "ESCAPE '!'";

/** `search` as a LIKE pattern that matches itself only: its %, _ and ! are literal. */
export function escapeLike(search: string): string {
  return search.replace(/[!%_]/g, (c) => `!${c}`);
}

/** `%search%` with the search's own %, _ and ! matched literally. */
export function containing(search: string): string {
  return `%${escapeLike(search)}%`;
}
