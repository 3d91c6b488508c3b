import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule, AppModuleOptions } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { Env } from '../../src/config/env-parsers';
import { createTestDatabase, TestDatabase } from './test-database';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  db: TestDatabase;
  http: TestAgent;
  dataSource: DataSource;
  /** A JWT for the user, through the real login endpoint. */
  login(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  /** POST /graphql with an optional token; answers the parsed body. */
  graphql(query: string, variables?: Record<string, unknown>, token?: string): request.Test;
  /** Stops the app; drops the database unless `keepDatabase`. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

/**
 * Boots the real AppModule with the same HTTP setup as main.ts, on a fresh
 * database (or on `db` to restart over an existing one).
 */
export async function createTestApp(
  env: Env = {},
  db?: TestDatabase,
  options: AppModuleOptions = {},
): Promise<TestApp> {
  const database = db ?? (await createTestDatabase());
  const mysql = /^(mysql|mariadb):/.test(database.url);
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    ...(mysql ? { JWT_SECRET: 'jwt-secret-for-tests-only', SECRET_KEY: 'secret-key-for-tests-only' } : {}),
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    logger: false,
  });
  configureApp(app, config);
  await app.init();
  const http = request(app.getHttpServer());

  const login = async (username: string, password: string): Promise<string> => {
    const res = await http.post('/auth/login').send({ username, password }).expect(200);
    return res.body.access_token as string;
  };
  let admin: string | undefined;
  return {
    app,
    config,
    db: database,
    http,
    dataSource: app.get(DataSource),
    login,
    adminToken: async () => (admin ??= await login(config.admin.username, ADMIN_PASSWORD)),
    graphql: (query, variables, token) => {
      const req = http.post('/graphql').send({ query, variables });
      return token ? req.set('Authorization', `Bearer ${token}`) : req;
    },
    close: async (options = {}) => {
      await app.close();
      if (!options.keepDatabase) await database.drop();
    },
  };
}
