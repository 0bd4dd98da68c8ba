import type { Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';

export interface ServeOptions {
  port: number;
  host: string;
  logger: Logger;
  /** The line logged once the service listens (Chinese first). */
  startedMessage: string;
  /** Longest a stop may take before the process exits anyway (SHUTDOWN_GRACE_MS, default 10 s). */
  graceMs?: number;
}

/**
 * Starts a service's consumers and HTTP listener, then stops it cleanly on SIGTERM or SIGINT and exits 0:
 * no new connections, idle keep-alive sockets closed, in-flight requests finished, consumers drained and out of
 * their group (kafkajs commits and leaves on disconnect), then the rest of the app (producers, Mongo). A stop
 * that cannot finish — the servers are already gone — ends after the grace period instead of hanging, so an
 * orchestrator never waits out its whole grace period. A second signal exits at once.
 */
export async function serveUntilStopped(app: INestApplication, options: ServeOptions): Promise<void> {
  const graceMs = options.graceMs ?? (Number(process.env.SHUTDOWN_GRACE_MS) || 10_000);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger.warn({ signal }, '再次收到停止信号，立即退出 second stop signal: exiting now');
      process.exit(0);
    }
    stopping = true;
    options.logger.info({ signal, graceMs }, '正在停止 stopping');
    const deadline = setTimeout(() => {
      options.logger.warn({ graceMs }, '停止超时，强制退出 the stop did not finish within its grace period: exiting');
      process.exit(0);
    }, graceMs);
    stopGracefully(app, graceMs / 2)
      .then(() => options.logger.info('已停止 stopped'))
      .catch((error: unknown) => options.logger.error({ err: error }, '停止时出错 error while stopping'))
      .finally(() => {
        clearTimeout(deadline);
        process.exit(0);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  closeKeepAliveOnStop(app.getHttpServer() as Server);
  await app.startAllMicroservices();
  await app.listen(options.port, options.host);
  options.logger.info({ url: `http://${options.host}:${options.port}` }, options.startedMessage);
}

/**
 * HTTP first (callers get answers to what they already sent; connections still open after `httpDrainMs`, such
 * as live streams, are cut), then consumers, then everything else.
 */
export async function stopGracefully(app: INestApplication, httpDrainMs: number): Promise<void> {
  const server = app.getHttpServer() as Server;
  stopKeepingAlive.get(server)?.();
  await new Promise<void>((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), httpDrainMs);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
  const microservices = (app as INestApplication & { getMicroservices?: () => Array<{ close(): Promise<unknown> }> }).getMicroservices?.() ?? [];
  await Promise.all(microservices.map((m) => m.close()));
  await app.close();
}

const stopKeepingAlive = new WeakMap<Server, () => void>();

/**
 * `server.close()` closes idle keep-alive connections but not busy ones, and a client that keeps asking on its
 * connection is served for ever: the drain would always wait out its whole time. Once stopping, every answer not
 * yet begun says `Connection: close`, so each connection ends with the request it carries.
 */
export function closeKeepAliveOnStop(server: Server): void {
  let stopping = false;
  const unanswered = new Set<ServerResponse>();
  server.prependListener('request', (_request, response: ServerResponse) => {
    if (stopping) return void response.setHeader('connection', 'close');
    unanswered.add(response);
    response.once('close', () => unanswered.delete(response));
  });
  stopKeepingAlive.set(server, () => {
    stopping = true;
    for (const response of unanswered) if (!response.headersSent) response.setHeader('connection', 'close');
  });
}
