// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('grid');

import { createLogger, loadConfig } from '@civicflow/platform';
import { gridConfigSchema } from './config';
import { createGridApp } from './create-app';

async function main() {
  const config = loadConfig(gridConfigSchema);
  const app = await createGridApp(config);
  await app.startAllMicroservices();
  await app.listen(config.GRID_PORT, config.HTTP_HOST);
  createLogger('grid').info({ url: `http://${config.HTTP_HOST}:${config.GRID_PORT}` }, '网格服务已启动 grid service started');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
