// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('casework');

import { createLogger, loadConfig, serveUntilStopped } from '@civicflow/platform';
import { caseworkConfigSchema } from './config';
import { createCaseworkApp } from './create-app';

async function main() {
  const config = loadConfig(caseworkConfigSchema);
  const app = await createCaseworkApp(config);
  await serveUntilStopped(app, { port: config.CASEWORK_PORT, host: config.HTTP_HOST, logger: createLogger('casework'), startedMessage: '案件办理服务已启动 casework service started' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
