// The GraphQL endpoint (/graphql, code-first), its subscriptions over graphql-ws (the socket is
// authenticated once, from connectionParams.Authorization), and its offline playground.
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import depthLimit from 'graphql-depth-limit';
import type { Context } from 'graphql-ws';
import { AppConfig } from '../../config/app-config';
import type { Principal } from '../auth/principal';
import type { SocketAuthentication, SocketAuthenticator } from '../auth/socket-authenticator';
import { formatGraphqlError } from './format-error';
import { PlaygroundController } from './playground.controller';
import { authorizationOf, wsRequest } from './ws-request';

type SocketExtra = {
  principal?: Principal;
  recheck?: NodeJS.Timeout;
  socket?: { close(code: number, reason: string): void };
};

@Module({})
export class GraphqlApiModule {
  /**
   * `auth`: who authenticates subscription sockets (the ACL module, wired by the app).
   * `schemaFile`: where to write the schema (at build); otherwise it stays in memory.
   */
  static forRoot(config: AppConfig, auth: SocketAuthentication, schemaFile?: string): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [auth.module],
          inject: [auth.authenticator],
          useFactory: (authenticator: SocketAuthenticator) => ({
            autoSchemaFile: schemaFile ?? true,
            sortSchema: true,
            // Apollo's own landing pages load from a CDN; ours is served from node_modules.
            playground: false,
            graphiql: false,
            introspection: true,
            includeStacktraceInErrorResponses: false,
            validationRules: [depthLimit(config.graphql.depthLimit)],
            formatError: formatGraphqlError,
            // No HTTP cache hints are used; the plugin would wrap every field resolver.
            plugins: [ApolloServerPluginCacheControlDisabled()],
            subscriptions: {
              'graphql-ws': {
                // A socket without valid credentials is closed before any subscription starts; an open
                // one is closed once its token expires, is logged out or its user is disabled.
                onConnect: async (ctx: Context<Record<string, unknown> | undefined, unknown>) => {
                  const authorization = authorizationOf(ctx.connectionParams);
                  const extra = ctx.extra as SocketExtra;
                  try {
                    extra.principal = await authenticator.principalForAuthorization(authorization);
                  } catch {
                    return false;
                  }
                  extra.recheck = setInterval(() => {
                    authenticator.principalForAuthorization(authorization).then(
                      (principal) => (extra.principal = principal),
                      () => extra.socket?.close(4401, 'Unauthorized'),
                    );
                  }, config.graphql.wsRecheckSeconds * 1000);
                  extra.recheck.unref();
                  return true;
                },
                onClose: (ctx: Context<Record<string, unknown> | undefined, unknown>) => {
                  clearInterval((ctx.extra as SocketExtra).recheck);
                },
              },
            },
            context: (arg: { req?: unknown; res?: unknown; extra?: SocketExtra }) =>
              arg.req !== undefined
                ? { req: arg.req, res: arg.res }
                : { req: wsRequest(arg.extra?.principal as Principal) },
          }),
        }),
      ],
      controllers: config.graphql.playground ? [PlaygroundController] : [],
    };
  }
}
