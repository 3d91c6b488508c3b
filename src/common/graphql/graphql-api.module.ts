// The GraphQL endpoint (/graphql, code-first) and its offline playground.
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import depthLimit from 'graphql-depth-limit';
import { AppConfig } from '../../config/app-config';
import { formatGraphqlError } from './format-error';
import { PlaygroundController } from './playground.controller';

@Module({})
export class GraphqlApiModule {
  /** `schemaFile`: where to write the schema (at build); otherwise it stays in memory. */
  static forRoot(config: AppConfig, schemaFile?: string): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
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
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        }),
      ],
      controllers: config.graphql.playground ? [PlaygroundController] : [],
    };
  }
}
