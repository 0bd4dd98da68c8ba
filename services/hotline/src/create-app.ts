import { createHttpApp } from '@civicflow/platform';
import { HotlineConfig } from './config';
import { HotlineModule } from './app.module';
import { callbackAttemptsMigration } from './migrations/callback-attempts.migration';
import { callIndexesMigration } from './migrations/call-indexes.migration';
import { callbackListsMigration } from './migrations/callback-lists.migration';

/**
 * The operators' HTTP API plus the Kafka consumer of the hotline's read model (case.registered,
 * intake.duplicate-merged) and callback tasks (case.resolved). The consumer starts with startAllMicroservices().
 */
export function createHotlineApp(config: HotlineConfig) {
  return createHttpApp(HotlineModule.register(config), {
    service: 'hotline',
    title: 'CivicFlow 12345 热线 hotline API',
    logLevel: config.LOG_LEVEL,
    events: { groupId: config.HOTLINE_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING },
    migrations: [callbackAttemptsMigration, callIndexesMigration, callbackListsMigration],
  });
}
