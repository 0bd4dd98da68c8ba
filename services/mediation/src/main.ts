// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('mediation');

import { createLogger, loadConfig } from '@civicflow/platform';
import { mediationConfigSchema } from './config';
import { createMediationApp } from './create-app';

async function main() {
  const config = loadConfig(mediationConfigSchema);
  const app = await createMediationApp(config);
  await app.startAllMicroservices();
  await app.listen(config.MEDIATION_PORT, config.HTTP_HOST);
  createLogger('mediation').info({ url: `http://${config.HTTP_HOST}:${config.MEDIATION_PORT}` }, '矛盾调解服务已启动 mediation service started');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
