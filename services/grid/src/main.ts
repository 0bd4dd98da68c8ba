// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('grid');

import { createLogger, loadConfig, serveUntilStopped } from '@civicflow/platform';
import { gridConfigSchema } from './config';
import { createGridApp } from './create-app';

async function main() {
  const config = loadConfig(gridConfigSchema);
  const app = await createGridApp(config);
  await serveUntilStopped(app, { port: config.GRID_PORT, host: config.HTTP_HOST, logger: createLogger('grid'), startedMessage: '网格服务已启动 grid service started' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
