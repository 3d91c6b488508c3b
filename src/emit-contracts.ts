// Writes the API contracts (schema.gql, openapi.json) from the code, at build,
// so a changed contract shows up as a diff in review.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import { openApiDocument } from './app.setup';
import { loadConfig } from './config/app-config';

async function emit(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-contracts-'));
  const root = resolve(__dirname, '..');
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: 'sqlite::memory:',
    ADMIN_PASSWORD: 'contracts-only',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { schemaFile: join(root, 'schema.gql') }),
    { logger: false, abortOnError: false },
  );
  await app.init();
  writeFileSync(join(root, 'openapi.json'), `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

emit().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
