// Rendering deploy scripts: the renderer process (bounded, no way into the service) against
// nunjucks in the service's own thread (the floor: what the isolation costs), for the hooks of
// a 50-instance rollout (4 scripts each) and one script at a time.
import nunjucks from 'nunjucks';
import type { AppConfig } from '../src/config/app-config';
import { scriptContext } from '../src/deploy/script-context';
import { ScriptRenderer } from '../src/deploy/script-renderer.service';

const INSTANCES = 50;
const HOOKS = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

// A hook of the kind the platform runs: a few variables, a loop, a condition, a filter.
const SCRIPT = `#!/bin/bash
set -euo pipefail
# {{ application.full_name }} {{ version }} on {{ host.name }} ({{ host.ip }})
RELEASE={{ deploy.release_path }}
CURRENT={{ deploy.current_path }}
mkdir -p "$RELEASE"
{% for ip in host.ips %}echo "address {{ loop.index }}: {{ ip }}"
{% endfor %}
{% if instance.status == "running" %}{{ application.stop_cmd }}{% endif %}
ln -sfn "$RELEASE" "$CURRENT.tmp" && mv -T "$CURRENT.tmp" "$CURRENT"
{{ application.startup_cmd }}
echo "{{ task.description | upper | truncate(40) }}"
ls -1dt {{ deploy.releases_path }}/* | tail -n +{{ deploy.keep_backups + 2 }} | xargs -r rm -rf
`;

function contexts() {
  return Array.from({ length: INSTANCES }, (_, i) =>
    scriptContext({
      application: {
        id: 1,
        name: 'api',
        fullName: 'shop.api',
        applicationType: 'java',
        runUser: 'work',
        directory: '/data/api',
        startupCommand: 'service api start',
        stopCommand: 'service api stop',
        stdoutPath: null,
        stderrPath: null,
        pidPath: null,
      },
      instance: { id: i + 1, status: 'running', version: 'v1' },
      host: { id: i + 1, name: `web-${i}`, addresses: [`127.0.1.${i + 2}`, `127.0.2.${i + 2}`] },
      version: 'v2',
      task: { id: 1, level: 'B', description: 'weekly release of the api', operator: 'alice' },
      settings: { deployPath: '/data/deploy/api', keepBackups: 5, timeout: 120, runningUser: 'work' },
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { median: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) };
}

export async function run(): Promise<void> {
  const ctx = contexts();
  const renderer = new ScriptRenderer({ deploy: { renderTimeoutMs: 2000 } } as AppConfig);
  const env = new nunjucks.Environment([], { autoescape: false });
  // The floor compiles once too, as the renderer does.
  const local = new nunjucks.Template(SCRIPT, env, undefined, true);
  const jobs = ctx.flatMap((c) => Array.from({ length: HOOKS }, () => c));
  try {
    let t0 = performance.now();
    await renderer.render(SCRIPT, ctx[0]);
    const coldMs = performance.now() - t0;

    // One rollout's hooks, all queued at once, ROUNDS times.
    const isolatedBatch: number[] = [];
    const inProcessBatch: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      t0 = performance.now();
      const outs = await Promise.all(jobs.map((c) => renderer.render(SCRIPT, c)));
      isolatedBatch.push(performance.now() - t0);
      t0 = performance.now();
      const rendered = jobs.map((c) => local.render(c));
      inProcessBatch.push(performance.now() - t0);
      if (outs[7] !== rendered[7]) throw new Error('the two renderings differ');
    }
    // One script at a time: the latency a caller waits for.
    const isolatedOne: number[] = [];
    const inProcessOne: number[] = [];
    for (let i = 0; i < ROUNDS * 20; i++) {
      t0 = performance.now();
      await renderer.render(SCRIPT, ctx[i % INSTANCES]);
      isolatedOne.push(performance.now() - t0);
      t0 = performance.now();
      local.render(ctx[i % INSTANCES]);
      inProcessOne.push(performance.now() - t0);
    }

    const figures = {
      batch: { scripts: jobs.length, renderer: stats(isolatedBatch), inProcess: stats(inProcessBatch) },
      single: { renderer: stats(isolatedOne), inProcess: stats(inProcessOne) },
      coldStartMs: Math.round(coldMs),
    };
    const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
    console.table([
      {
        case: `${jobs.length} hooks of a ${INSTANCES}-instance rollout (ms)`,
        'renderer p50': figures.batch.renderer.median,
        'renderer p99': figures.batch.renderer.p99,
        'in-process p50': figures.batch.inProcess.median,
        'in-process p99': figures.batch.inProcess.p99,
        'ratio p50': ratio(figures.batch.renderer.median, figures.batch.inProcess.median),
      },
      {
        case: 'one script (ms)',
        'renderer p50': figures.single.renderer.median,
        'renderer p99': figures.single.renderer.p99,
        'in-process p50': figures.single.inProcess.median,
        'in-process p99': figures.single.inProcess.p99,
        'ratio p50': ratio(figures.single.renderer.median, figures.single.inProcess.median),
      },
    ]);
    console.log(`renderer cold start (spawn + first script): ${figures.coldStartMs} ms`);
    console.log(
      JSON.stringify({
        bench: 'deploy-scripts',
        command: 'npm run bench -- deploy-scripts',
        rounds: ROUNDS,
        ...figures,
      }),
    );
  } finally {
    renderer.onModuleDestroy();
  }
}
