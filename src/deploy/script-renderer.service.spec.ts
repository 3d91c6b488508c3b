import { InvalidInputError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { sampleScriptContext } from './script-context';
import { ScriptRenderer } from './script-renderer.service';

/** The real renderer process: what a template can and cannot do. */
describe('ScriptRenderer', () => {
  const renderer = new ScriptRenderer({ deploy: { renderTimeoutMs: 1500 } } as AppConfig);
  const context = sampleScriptContext();
  const render = (content: string) => renderer.render(content, context);
  const failure = async (content: string): Promise<InvalidInputError> => {
    const e: unknown = await render(content).then(
      (out) => new Error(`rendered: ${out}`),
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(InvalidInputError);
    return e as InvalidInputError;
  };
  afterAll(() => renderer.onModuleDestroy());

  it('renders Jinja with the context, autoescape off', async () => {
    const out = await render(
      '#!/bin/bash\ncd {{ deploy.release_path }} && echo "{{ application.name | upper }} <{{ version }}>"\n' +
        '{% for ip in host.ips %}{{ loop.index }}={{ ip }}{% endfor %}{% if task.level == "B" %} b{% endif %}',
    );
    expect(out).toBe(
      '#!/bin/bash\ncd /data/deploy/app/releases/20180102-000000 && echo "APP <20180102-000000>"\n1=127.0.0.1 b',
    );
  });

  it('names the line and column of a syntax error and of a runtime error', async () => {
    const syntax = await failure('echo ok\n\n{{ foo( }}');
    expect(syntax.field).toBe('content');
    expect(syntax.message).toMatch(/^content: line 3, column \d+: unexpected token/);
    const call = await failure('echo one\necho two\n{{ nope() }}');
    expect(call.message).toMatch(/^content: line 3, column \d+: Unable to call `nope`/);
    const first = await failure('{{ range.constructor("return 1")() }}');
    expect(first.message).toMatch(/^content: line 1, column \d+: /);
  });

  it.each([
    ['range.constructor', '{{ range.constructor("return process")().env }}'],
    ['a string constructor', '{{ "".constructor.constructor("return globalThis.process")() }}'],
    ['cycler.constructor', '{{ cycler.constructor("return process.mainModule")() }}'],
    ['a method constructor', '{{ "x".toString.constructor("return this")() }}'],
    ['__proto__', '{{ application.__proto__.constructor }}'],
    ['subscript constructor', '{{ application["constructor"]["constructor"]("return 1")() }}'],
    ['a bare constructor', '{{ constructor.getOwnPropertyDescriptor(range, "x") }}{{ constructor("x") }}'],
    ['a function member', '{{ joiner.call }}'],
  ])('refuses the escape through %s', async (_name, payload) => {
    const e = await failure(payload);
    expect(e.message).toMatch(/^content: line 1, column \d+: (".+" (of a function )?is not accessible|Unable to call)/);
  });

  it('has no process, require or environment inside, even past the lookups', async () => {
    expect(await render('[{{ process }}][{{ require }}][{{ global }}][{{ globalThis }}]')).toBe('[][][][]');
    const e = await failure('{% include "/etc/passwd" %}');
    expect(e.message).toMatch(/template not found/);
    expect(e.message).not.toMatch(/root:/);
    await failure('{% import "/etc/hostname" as h %}');
    await failure('{% extends "/etc/hostname" %}');
  });

  it('stops a template that never ends in time and renders the next one', async () => {
    const started = Date.now();
    const e = await failure('{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}');
    expect(e.message).toMatch(/^content: rendering took longer than 1500 ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await render('{{ 1 + 1 }}')).toBe('2');
  });

  it('stops a template that outgrows its memory, and refuses a range too large to build', async () => {
    const e = await failure('{% set s = "x" | center(300000000) %}{{ s | length }}');
    expect(e.message).toMatch(/more than 64 MB|longer than/);
    const r = await failure('{% for a in range(10000000000) %}{% endfor %}');
    expect(r.message).toMatch(/range\(\) makes at most 100000 items/);
    expect(await render('{{ range(3) | join(",") }}')).toBe('0,1,2');
  });

  it('renders many scripts queued at once, each with its own context', async () => {
    const outs = await Promise.all(Array.from({ length: 20 }, (_, i) => renderer.render('{{ n * 2 }}', { n: i })));
    expect(outs).toEqual(Array.from({ length: 20 }, (_, i) => String(i * 2)));
  });
});
