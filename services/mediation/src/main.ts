// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('mediation');

import { createLogger, loadConfig, serveUntilStopped } from '@civicflow/platform';
import { mediationConfigSchema } from './config';
import { createMediationApp } from './create-app';

async function main() {
  const config = loadConfig(mediationConfigSchema);
  const app = await createMediationApp(config);
  await serveUntilStopped(app, { port: config.MEDIATION_PORT, host: config.HTTP_HOST, logger: createLogger('mediation'), startedMessage: '矛盾调解服务已启动 mediation service started' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
