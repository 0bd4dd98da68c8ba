import { createHttpApp } from '@civicflow/platform';
import { NotificationConfig } from './config';
import { NotificationModule } from './app.module';
import { inboxListsMigration, unreadByDayMigration } from './migrations/inbox-lists.migration';
import { sinkListsMigration } from './migrations/sink-lists.migration';
import { deliveryListsMigration } from './migrations/delivery-lists.migration';
import { directoryRoleListsMigration } from './migrations/directory-role-lists.migration';

/** The HTTP API (inbox, delivery status, directory) plus the Kafka consumer of every notified event. */
export function createNotificationApp(config: NotificationConfig) {
  return createHttpApp(NotificationModule.register(config), {
    service: 'notification',
    title: 'CivicFlow 通知 notification API',
    logLevel: config.LOG_LEVEL,
    events: { groupId: config.NOTIFICATION_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING },
    migrations: [inboxListsMigration, unreadByDayMigration, sinkListsMigration, deliveryListsMigration, directoryRoleListsMigration],
  });
}
