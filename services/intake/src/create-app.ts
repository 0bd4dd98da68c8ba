import { connectEventServer, createHttpApp, createLogger } from '@civicflow/platform';
import { IntakeConfig } from './config';
import { IntakeModule } from './app.module';

/** The HTTP API plus the Kafka consumer of every intake channel. */
export async function createIntakeApp(config: IntakeConfig) {
  const app = await createHttpApp(IntakeModule.register(config), {
    service: 'intake',
    title: 'CivicFlow 受理 intake API',
    logger: createLogger('intake', config.LOG_LEVEL),
  });
  connectEventServer(app, { groupId: config.INTAKE_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING });
  return app;
}
