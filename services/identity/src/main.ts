// Tracing starts before anything it instruments is loaded.
import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('identity');

import { createLogger, loadConfig } from '@civicflow/platform';
import { identityConfigSchema } from './config';
import { createIdentityApp } from './create-app';

async function main() {
  const config = loadConfig(identityConfigSchema);
  const app = await createIdentityApp(config);
  await app.listen(config.IDENTITY_PORT, config.HTTP_HOST);
  createLogger('identity').info({ url: `http://${config.HTTP_HOST}:${config.IDENTITY_PORT}` }, '身份认证服务已启动 identity service started');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
