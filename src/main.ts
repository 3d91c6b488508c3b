import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { startDraining } from './common/request/draining';
import { loadConfig } from './config/app-config';
import { ConfigError } from './config/env-parsers';

async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  if (!config.serveHttp) {
    const worker = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
    worker.useLogger(worker.get(Logger));
    worker.enableShutdownHooks();
    // Job consumers hold no handle of their own while idle: keep the process up until it is told to stop.
    const idle = setInterval(() => undefined, 60_000);
    process.once('SIGTERM', () => clearInterval(idle)).once('SIGINT', () => clearInterval(idle));
    worker.get(Logger).log(`Worker started (role ${config.role})`);
    return;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app, config);
  await app.listen(config.port, config.host);
  drainOnSignal(app);
}

/** Longest a stopping node waits for requests in flight (a log read over SSH, say). */
const DRAIN_MS = 15_000;

/**
 * On SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish,
 * then close the modules (the database last). Nest's own hooks would close the
 * database first and fail those requests.
 */
function drainOnSignal(app: NestExpressApplication): void {
  const stop = async () => {
    const server = app.getHttpServer();
    startDraining();
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_MS).unref());
    await Promise.race([drained, deadline]);
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop()).once('SIGINT', () => void stop());
}

bootstrap().catch((e: unknown) => {
  // A configuration mistake is the operator's to fix: say what, without a stack.
  process.stderr.write(
    `${e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
