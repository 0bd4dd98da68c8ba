// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('intake');

import { createLogger, loadConfig, serveUntilStopped } from '@civicflow/platform';
import { intakeConfigSchema } from './config';
import { createIntakeApp } from './create-app';

async function main() {
  const config = loadConfig(intakeConfigSchema);
  const app = await createIntakeApp(config);
  await serveUntilStopped(app, { port: config.INTAKE_PORT, host: config.HTTP_HOST, logger: createLogger('intake'), startedMessage: '受理服务已启动 intake service started' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
