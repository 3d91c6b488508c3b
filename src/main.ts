import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
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
}

bootstrap().catch((e: unknown) => {
  // A configuration mistake is the operator's to fix: say what, without a stack.
  process.stderr.write(
    `${e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
