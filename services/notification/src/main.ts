// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('notification');

import { createLogger, loadConfig } from '@civicflow/platform';
import { notificationConfigSchema } from './config';
import { createNotificationApp } from './create-app';

async function main() {
  const config = loadConfig(notificationConfigSchema);
  const app = await createNotificationApp(config);
  await app.startAllMicroservices();
  await app.listen(config.NOTIFICATION_PORT, config.HTTP_HOST);
  createLogger('notification').info({ url: `http://${config.HTTP_HOST}:${config.NOTIFICATION_PORT}` }, '通知服务已启动 notification service started');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
