// Publish/subscribe for GraphQL subscriptions: in memory on one node, over Redis (REDIS_URL)
// when several API nodes must see each other's events.
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';

function createPubSub(config: AppConfig): PubSubEngine {
  if (!config.redisUrl) return new PubSub();
  const options = { maxRetriesPerRequest: null, lazyConnect: false };
  return new RedisPubSub({
    publisher: new Redis(config.redisUrl, options),
    subscriber: new Redis(config.redisUrl, options),
  });
}

@Global()
@Module({
  providers: [{ provide: PubSubEngine, inject: [AppConfig], useFactory: createPubSub }],
  exports: [PubSubEngine],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(PubSubEngine) private readonly pubsub: PubSubEngine) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.pubsub instanceof RedisPubSub) await this.pubsub.close();
  }
}
