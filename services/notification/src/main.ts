// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('notification');

import { createLogger, loadConfig, serveUntilStopped } from '@civicflow/platform';
import { notificationConfigSchema } from './config';
import { createNotificationApp } from './create-app';

async function main() {
  const config = loadConfig(notificationConfigSchema);
  const app = await createNotificationApp(config);
  await serveUntilStopped(app, { port: config.NOTIFICATION_PORT, host: config.HTTP_HOST, logger: createLogger('notification'), startedMessage: '通知服务已启动 notification service started' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
