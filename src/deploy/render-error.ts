// Turns a nunjucks error into what a script's author needs: the line, the column, the reason. Pure.

export interface RenderProblem {
  line: number | null;
  column: number | null;
  reason: string;
}

const LOCATION = /\[Line (\d+), Column (\d+)\]/;
// Nunjucks prefixes its messages with the template path (none here) and wraps nested errors.
const NOISE =
  /\(unknown path\)(?: \[Line \d+, Column \d+\])?\s*|Template render error:\s*|^\s*(?:Error|TypeError|RangeError):\s*/gm;

/** `lineCount`: the template's lines, for errors at its end, which nunjucks reports without a position. */
export function renderProblem(
  message: string,
  lineno?: number | null,
  colno?: number | null,
  lineCount?: number,
): RenderProblem {
  const at = LOCATION.exec(message);
  let line = lineno ?? (at ? Number(at[1]) : null);
  if (!line && lineCount !== undefined && /end of file/.test(message)) line = lineCount;
  const column = colno ?? (at ? Number(at[2]) : null);
  let reason = message;
  for (let previous = ''; previous !== reason;) {
    previous = reason;
    reason = reason.replace(NOISE, '');
  }
  reason = reason.replace(/\s+/g, ' ').trim() || 'the script cannot be rendered';
  return { line: line && line > 0 ? line : null, column: column && column > 0 ? column : null, reason };
}

/** `line 3, column 7: unexpected token` */
export function describeRenderProblem(p: RenderProblem): string {
  if (p.line === null) return p.reason;
  return `line ${p.line}${p.column === null ? '' : `, column ${p.column}`}: ${p.reason}`;
}
