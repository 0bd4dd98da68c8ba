import { createHttpApp } from '@civicflow/platform';
import { IdentityConfig } from './config';
import { IdentityModule } from './app.module';

export async function createIdentityApp(config: IdentityConfig) {
  const app = await createHttpApp(IdentityModule.register(config), {
    service: 'identity',
    title: 'CivicFlow 身份认证 identity API',
    logLevel: config.LOG_LEVEL,
    bodyLimit: '16kb',
  });
  // the OAuth token endpoint takes form bodies (RFC 6749); the client address behind the gateway or an ingress
  app.useBodyParser('urlencoded', { extended: false, limit: '16kb' });
  app.set('trust proxy', config.IDENTITY_TRUST_PROXY.split(',').map((s) => s.trim()).filter(Boolean));
  return app;
}
