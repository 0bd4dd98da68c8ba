import { createHttpApp, securityHeaders } from '@civicflow/platform';
import { ConsoleModule } from './app.module';
import type { ConsoleConfig } from './config';
import { gatewayProxy } from './proxy/gateway-proxy';
import { mountInFront } from './proxy/mount-front';
import { UPSTREAM_POOLS, type UpstreamPools } from './upstream/upstream-services';
import { basemapOf, basemapOrigins } from './web/console-config.http.controller';
import { serveWebApp } from './web/serve-web-app';

/**
 * The console gateway: its own routes (session, live stream, exports, /api/services) with OpenAPI at /api/docs,
 * the proxy to every service under /api/<service>/ and the web app at /, both mounted in front of the JSON
 * body parser; and a Kafka consumer of the case lifecycle topic for the live stream.
 */
export async function createConsoleApp(config: ConsoleConfig) {
  const app = await createHttpApp(ConsoleModule.register(config), {
    service: 'console',
    title: 'CivicFlow 控制台网关 console gateway (BFF) — /api/<service>/* proxies each service’s /api/v1 (see GET /api/services)',
    logLevel: config.LOG_LEVEL,
    events: { groupId: config.CONSOLE_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING },
  });
  // the security headers first: the web app's files and the proxied answers get them too (the page may show the
  // tiles of the basemap the city configured)
  mountInFront(app, securityHeaders({ imageOrigins: basemapOrigins(basemapOf(config)) }), gatewayProxy({ pools: app.get<UpstreamPools>(UPSTREAM_POOLS), timeoutMs: config.CONSOLE_PROXY_TIMEOUT_MS }), serveWebApp(config.CONSOLE_WEB_DIST));
  return app;
}
