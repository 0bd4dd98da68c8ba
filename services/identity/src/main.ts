// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('identity');

import { createLogger, loadConfig, serveUntilStopped } from '@civicflow/platform';
import { identityConfigSchema } from './config';
import { createIdentityApp } from './create-app';

async function main() {
  const config = loadConfig(identityConfigSchema);
  const app = await createIdentityApp(config);
  await serveUntilStopped(app, { port: config.IDENTITY_PORT, host: config.HTTP_HOST, logger: createLogger('identity'), startedMessage: '身份认证服务已启动 identity service started' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
