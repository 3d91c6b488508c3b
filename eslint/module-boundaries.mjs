// A service uses another module through that module's exported services, never through its
// entities: it must not read or write another module's tables. Type-only imports are fine.
import path from 'node:path';

/** The module a file under src/ belongs to: its first folder, or its first two under cmdb/ and compat/. */
export function moduleOf(file) {
  const parts = path.relative(path.resolve('src'), path.resolve(file)).split(path.sep);
  if (parts[0] === '..' || parts.length < 2) return null;
  return ['cmdb', 'compat'].includes(parts[0]) && parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

const rule = {
  meta: {
    type: 'problem',
    messages: {
      foreignEntity:
        "'{{source}}' is an entity of module {{owner}}: use {{owner}}'s exported service instead (a type-only import is fine).",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const mine = moduleOf(file);
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (typeof source !== 'string' || !source.startsWith('.') || !/(^|\/)entities(\/|$)/.test(source)) return;
        if (node.importKind === 'type') return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')) return;
        const owner = moduleOf(path.resolve(path.dirname(file), source));
        if (owner && owner !== mine) context.report({ node, messageId: 'foreignEntity', data: { source, owner } });
      },
    };
  },
};

export default { rules: { 'no-foreign-entities': rule } };
