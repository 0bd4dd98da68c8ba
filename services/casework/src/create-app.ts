import { connectEventServer, createHttpApp, createLogger } from '@civicflow/platform';
import { CaseworkConfig } from './config';
import { CaseworkModule } from './app.module';

/** The command and read API plus the Kafka consumer that projects the case lifecycle events. */
export async function createCaseworkApp(config: CaseworkConfig) {
  const app = await createHttpApp(CaseworkModule.register(config), {
    service: 'casework',
    title: 'CivicFlow 案件办理 casework API',
    logger: createLogger('casework', config.LOG_LEVEL),
  });
  connectEventServer(app, { groupId: config.CASEWORK_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING });
  return app;
}
