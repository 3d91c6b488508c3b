/** One DNS label as hostnames use it: letters, digits and inner hyphens (underscores for SRV-style names). */
const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;

/** A fully qualified name without the trailing dot, lower-cased: `www.example.com`; null when it is not one. */
export function normalizeName(name: string): string | null {
  const trimmed = name.trim().replace(/\.$/, '').toLowerCase();
  if (trimmed.length === 0 || trimmed.length > 253) return null;
  const labels = trimmed.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) ? trimmed : null;
}

/** Like `normalizeName`, also allowing one leading `*` label (`*.example.com`). */
export function normalizeOwnerName(name: string): string | null {
  const trimmed = name.trim().toLowerCase();
  if (!trimmed.startsWith('*.')) return normalizeName(trimmed);
  const rest = normalizeName(trimmed.slice(2));
  return rest === null ? null : `*.${rest}`;
}

/** A host name as a record's target: `mail.example.com`, or a single label. */
export function isTargetName(name: string): boolean {
  const trimmed = name.replace(/\.$/, '');
  return trimmed.length > 0 && trimmed.length <= 253 && trimmed.split('.').every((l) => LABEL.test(l));
}
