import { createHttpApp } from '@civicflow/platform';
import { IdentityConfig } from './config';
import { IdentityModule } from './app.module';

export function createIdentityApp(config: IdentityConfig) {
  return createHttpApp(IdentityModule.register(config), {
    service: 'identity',
    title: 'CivicFlow 身份认证 identity API',
    logLevel: config.LOG_LEVEL,
  });
}
