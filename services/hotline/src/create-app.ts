import { connectEventServer, createHttpApp, createLogger } from '@civicflow/platform';
import { HotlineConfig } from './config';
import { HotlineModule } from './app.module';

/**
 * The operators' HTTP API plus the Kafka consumer of the hotline's read model (case.registered,
 * intake.duplicate-merged) and callback tasks (case.resolved). The consumer starts with startAllMicroservices().
 */
export async function createHotlineApp(config: HotlineConfig) {
  const app = await createHttpApp(HotlineModule.register(config), {
    service: 'hotline',
    title: 'CivicFlow 12345 热线 hotline API',
    logger: createLogger('hotline', config.LOG_LEVEL),
  });
  connectEventServer(app, { groupId: config.HOTLINE_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING });
  return app;
}
