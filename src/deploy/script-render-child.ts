/** Most items `range()` makes in one call; a larger range is an error, not a memory blow-up. */
export const MAX_RANGE_ITEMS = 100_000;
/** Largest rendered script, in characters. */
export const MAX_RENDERED_LENGTH = 4 * 1024 * 1024;

/**
 * The renderer process's program (run with `node -e`, the nunjucks path as its argument). It
 * renders Jinja templates with nunjucks and answers over the IPC channel. Nunjucks is no sandbox:
 * its stock runtime lets a template reach `Function` through `constructor` and run any code, so
 * the lookups a template makes are replaced by ones that only read plain data (own properties of
 * the context, no member of a function, nothing named constructor, prototype or __*). The
 * process is the second wall: it gets an empty environment, no loader (so no include, import or
 * extends of files), and loses `process` and `require` before the first template runs. A worker
 * thread would not do: a worker that outgrows its heap limit while growing an array aborts the
 * whole service on Node 20, where this process only takes itself down.
 */
export const RENDER_CHILD_SOURCE = `
'use strict';
const proc = process;
const send = proc.send.bind(proc);
const nunjucks = require(proc.argv[1]);
const runtime = require(require('node:path').join(proc.argv[1], 'src', 'runtime.js'));
const hasOwn = Object.prototype.hasOwnProperty;
const BLOCKED = new Set(['constructor', 'prototype', 'caller', 'callee', 'arguments']);
const MAX_RANGE = ${MAX_RANGE_ITEMS};
const MAX_OUTPUT = ${MAX_RENDERED_LENGTH};

const memberLookup = runtime.memberLookup;
runtime.memberLookup = function (obj, val) {
  if (obj === undefined || obj === null) return undefined;
  const key = typeof val === 'number' ? val : String(val);
  if (typeof obj === 'function') throw new Error('"' + key + '" of a function is not accessible');
  if (typeof key === 'string' && (BLOCKED.has(key) || key.startsWith('__'))) {
    throw new Error('"' + key + '" is not accessible');
  }
  return memberLookup(obj, key);
};
runtime.contextOrFrameLookup = function (context, frame, name) {
  const v = frame.lookup(name);
  if (v !== undefined) return v;
  if (hasOwn.call(context.ctx, name)) return context.ctx[name];
  if (hasOwn.call(context.env.globals, name)) return context.env.globals[name];
  return undefined;
};
// Runtime errors carry 0-based positions (parse errors 1-based): count from 1 like an editor.
const handleError = runtime.handleError;
runtime.handleError = function (error, lineno, colno) {
  return handleError(error, typeof lineno === 'number' ? lineno + 1 : lineno, typeof colno === 'number' ? colno + 1 : colno);
};

const env = new nunjucks.Environment([], { autoescape: false, dev: true });
const range = env.globals.range;
env.globals.range = function (start, stop, step) {
  const s = step || 1;
  const from = stop === undefined ? 0 : start;
  const to = stop === undefined ? start : stop;
  if (Math.ceil((to - from) / s) > MAX_RANGE) throw new Error('range() makes at most ' + MAX_RANGE + ' items');
  return range(start, stop, step);
};

for (const name of ['process', 'require', 'module', 'exports', '__filename', '__dirname', 'fetch', 'WebSocket', 'BroadcastChannel']) {
  try { delete globalThis[name]; } catch (e) {}
}

// A rollout renders the same few scripts for every instance: compile each once.
const compiled = new Map();
function templateOf(source) {
  let template = compiled.get(source);
  if (!template) {
    template = new nunjucks.Template(source, env, undefined, true);
    if (compiled.size >= 64) compiled.delete(compiled.keys().next().value);
    compiled.set(source, template);
  }
  return template;
}

proc.on('disconnect', () => proc.exit(0));
proc.on('message', (job) => {
  let answer;
  try {
    const output = templateOf(String(job.content)).render(job.context || {});
    answer = output.length > MAX_OUTPUT
      ? { id: job.id, ok: false, message: 'the rendered script is longer than ' + MAX_OUTPUT + ' characters' }
      : { id: job.id, ok: true, output };
  } catch (e) {
    answer = { id: job.id, ok: false, message: String(e && e.message), lineno: e && e.lineno, colno: e && e.colno };
  }
  send(answer);
});
send({ ready: true });
`;
