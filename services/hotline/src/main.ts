// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('hotline');

import { createLogger, loadConfig } from '@civicflow/platform';
import { hotlineConfigSchema } from './config';
import { createHotlineApp } from './create-app';

async function main() {
  const config = loadConfig(hotlineConfigSchema);
  const app = await createHotlineApp(config);
  await app.startAllMicroservices();
  await app.listen(config.HOTLINE_PORT, config.HTTP_HOST);
  createLogger('hotline').info({ url: `http://${config.HTTP_HOST}:${config.HOTLINE_PORT}` }, '12345 热线服务已启动 hotline service started');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
