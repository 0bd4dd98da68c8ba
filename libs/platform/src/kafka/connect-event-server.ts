import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { EventPublisher } from './event-publisher';
import { KAFKA } from './kafka.module';
import { KafkaEventServer, KafkaEventServerOptions } from './kafka-event.server';
import { PROCESSED_EVENTS } from '../mongo/mongo.module';
import { ProcessedEventStore } from './processed-events';

/** Attaches the CivicFlow Kafka transport to an app, reusing the app's Kafka client, publisher and dedup store. */
export function connectEventServer(app: INestApplication, options: Pick<KafkaEventServerOptions, 'groupId'> & Partial<KafkaEventServerOptions>): KafkaEventServer {
  const server = new KafkaEventServer({
    kafka: app.get<Kafka>(KAFKA),
    publisher: app.get(EventPublisher),
    processed: app.get<ProcessedEventStore>(PROCESSED_EVENTS),
    ...options,
  });
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
}
