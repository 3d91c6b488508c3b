// Which names attributes and CI types may take. Names appear as keys of CI rows and parameters and
// in the search language, so they must not collide with the row's own keys or the query syntax.

/** Keys a CI row or write uses for itself. */
export const RESERVED_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  'id',
  '_id',
  'ci_id',
  'type',
  '_type',
  'ci_type',
  'type_id',
  'ci_type_alias',
  'unique',
  'unique_alias',
  '_unique',
  'ticket_id',
  'exist_policy',
  'no_attribute_policy',
]);

/** Characters the search language gives a meaning to, and whitespace. */
const SYNTAX = /[\s,:;()[\]*]/;

/** What is wrong with a name, or undefined when it is fine. */
export function nameProblem(name: string, kind: 'attribute' | 'type'): string | undefined {
  if (name.length === 0 || name.length > 64) return 'must be 1-64 characters';
  if (SYNTAX.test(name)) return 'must not contain whitespace or any of , : ; ( ) [ ] *';
  if (/^[-+~_]/.test(name)) return 'must not start with -, +, ~ or _';
  if (/^\d+$/.test(name)) return 'must not be a number (numbers name things by id)';
  if (kind === 'attribute' && RESERVED_ATTRIBUTE_NAMES.has(name.toLowerCase())) return `${name} is reserved`;
  return undefined;
}

/** What is wrong with an alias (free text, shown to people), or undefined. */
export function aliasProblem(alias: string): string | undefined {
  if (alias.trim().length === 0 || alias.length > 64) return 'must be 1-64 characters';
  if (/^\d+$/.test(alias.trim())) return 'must not be a number (numbers name things by id)';
  return undefined;
}
