// Publish/subscribe for GraphQL subscriptions: in memory on one node, over Redis (REDIS_URL)
// when several API nodes must see each other's events.
import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis, { RedisOptions } from 'ioredis';
import { loggableError } from '../errors/problem';
import { AppConfig } from '../../config/app-config';

const logger = new Logger('PubSub');

function redisClient(url: string, role: string, options: RedisOptions): Redis {
  const redis = new Redis(url, { lazyConnect: false, ...options });
  // Without a listener ioredis prints every failed reconnect to stderr: one warning per outage.
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: loggableError(err), role }, 'Redis pub/sub unreachable, reconnecting');
  });
  redis.on('ready', () => (down = false));
  return redis;
}

function createPubSub(config: AppConfig): PubSubEngine {
  if (!config.redisUrl) return new PubSub();
  return new RedisPubSub({
    // While Redis is down a publish fails after two reconnect attempts (its callers only log it)
    // instead of waiting in the offline queue for as long as the outage lasts.
    publisher: redisClient(config.redisUrl, 'publisher', { maxRetriesPerRequest: 2 }),
    // Subscribing waits for the connection, however long that takes.
    subscriber: redisClient(config.redisUrl, 'subscriber', { maxRetriesPerRequest: null }),
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
    if (!(this.pubsub instanceof RedisPubSub)) return;
    // QUIT waits for a reply that never comes while Redis is down: such a connection is dropped.
    const clients = [this.pubsub.getPublisher(), this.pubsub.getSubscriber()];
    await Promise.all(clients.map(async (c) => (c.status === 'ready' ? void (await c.quit()) : c.disconnect())));
  }
}
