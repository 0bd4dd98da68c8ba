import { connectEventServer, createHttpApp, createLogger } from '@civicflow/platform';
import { NotificationConfig } from './config';
import { NotificationModule } from './app.module';

/** The HTTP API (inbox, delivery status, directory) plus the Kafka consumer of every notified event. */
export async function createNotificationApp(config: NotificationConfig) {
  const app = await createHttpApp(NotificationModule.register(config), {
    service: 'notification',
    title: 'CivicFlow 通知 notification API',
    logger: createLogger('notification', config.LOG_LEVEL),
  });
  connectEventServer(app, { groupId: config.NOTIFICATION_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING });
  return app;
}
