// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('casework');

import { createLogger, loadConfig } from '@civicflow/platform';
import { caseworkConfigSchema } from './config';
import { createCaseworkApp } from './create-app';

async function main() {
  const config = loadConfig(caseworkConfigSchema);
  const app = await createCaseworkApp(config);
  await app.startAllMicroservices();
  await app.listen(config.CASEWORK_PORT, config.HTTP_HOST);
  createLogger('casework').info({ url: `http://${config.HTTP_HOST}:${config.CASEWORK_PORT}` }, '案件办理服务已启动 casework service started');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
