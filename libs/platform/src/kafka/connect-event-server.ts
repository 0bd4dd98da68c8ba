import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { EventPublisher } from './event-publisher';
import { KAFKA } from './kafka.module';
import { KafkaEventServer, KafkaEventServerOptions } from './kafka-event.server';
import { PROCESSED_EVENTS } from '../mongo/mongo.module';
import { MongoIndexes } from '../mongo/mongo-indexes';
import { ProcessedEventStore } from './processed-events';

/**
 * Attaches the CivicFlow Kafka transport to an app, reusing the app's Kafka client, publisher and dedup store.
 * It consumes once the app's indexes exist (startAllMicroservices runs before Nest's init hooks).
 */
export function connectEventServer(app: INestApplication, options: Pick<KafkaEventServerOptions, 'groupId'> & Partial<KafkaEventServerOptions>): KafkaEventServer {
  const server = new KafkaEventServer({
    kafka: app.get<Kafka>(KAFKA),
    publisher: app.get(EventPublisher),
    processed: app.get<ProcessedEventStore>(PROCESSED_EVENTS),
    beforeConsume: () => app.get(MongoIndexes).built(),
    ...options,
  });
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
}
