import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { dirname, join } from 'node:path';
import { PLAYGROUND_ASSETS } from './common/graphql/playground.controller';
import { InputValidationPipe } from './common/request/input-validation.pipe';
import { drainingMiddleware } from './common/request/draining';
import { requestContextMiddleware } from './common/request/request-context';
import { AppConfig } from './config/app-config';

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

export function openApiDocument(app: NestExpressApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Ops platform')
    .setDescription('REST API: auth, health and the legacy compatibility families.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, info);
}

/**
 * Everything done to the HTTP app before it listens; shared by main.ts and the
 * end-to-end tests so both run the same stack.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  // First: every later middleware, log line and audit entry sees the request id.
  app.use(requestContextMiddleware);
  app.use(drainingMiddleware);
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // API answers change with every write; hashing each body for an ETag costs CPU and buys nothing.
  app.set('etag', false);
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(
    new InputValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  if (config.graphql.playground) {
    const assets = { index: false, fallthrough: false };
    app.useStaticAssets(packageDir('graphiql'), { ...assets, prefix: PLAYGROUND_ASSETS.graphiql });
    app.useStaticAssets(join(packageDir('react'), 'umd'), { ...assets, prefix: PLAYGROUND_ASSETS.react });
    app.useStaticAssets(join(packageDir('react-dom'), 'umd'), { ...assets, prefix: PLAYGROUND_ASSETS.reactDom });
  }
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
