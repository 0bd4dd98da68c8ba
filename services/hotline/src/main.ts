// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('hotline');

import { createLogger, loadConfig, serveUntilStopped } from '@civicflow/platform';
import { hotlineConfigSchema } from './config';
import { createHotlineApp } from './create-app';

async function main() {
  const config = loadConfig(hotlineConfigSchema);
  const app = await createHotlineApp(config);
  await serveUntilStopped(app, { port: config.HOTLINE_PORT, host: config.HTTP_HOST, logger: createLogger('hotline'), startedMessage: '12345 热线服务已启动 hotline service started' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
