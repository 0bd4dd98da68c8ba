// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('console');

import { createLogger, loadConfig, serveUntilStopped } from '@civicflow/platform';
import { consoleConfigSchema } from './config';
import { createConsoleApp } from './create-app';

async function main() {
  const config = loadConfig(consoleConfigSchema);
  const app = await createConsoleApp(config);
  await serveUntilStopped(app, { port: config.CONSOLE_PORT, host: config.HTTP_HOST, logger: createLogger('console'), startedMessage: '控制台网关已启动 console gateway started' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
