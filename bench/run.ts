// npm run bench -- <name>: runs bench/<name>.ts against the built service (npm run build first).
import { readdirSync } from 'node:fs';

const available = readdirSync(__dirname)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'support.ts'].includes(f))
  .map((f) => f.slice(0, -3));

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !available.includes(name)) {
    console.error(`usage: npm run bench -- <${available.join('|')}>`);
    process.exit(2);
  }
  const bench = (await import(`./${name}`)) as { run: () => Promise<void> };
  await bench.run();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
