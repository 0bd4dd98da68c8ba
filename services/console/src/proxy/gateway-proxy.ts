import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { localeFrom } from '@civicflow/platform';
import { UPSTREAM_SERVICES, UpstreamService, upstreamDownBody } from '../upstream/upstream-services';
import { mapProxyRoute } from './proxy-route';

export interface GatewayProxyOptions {
  upstreams: Record<UpstreamService, string>;
  timeoutMs: number;
}

/**
 * /api/<service>/* → <SERVICE_URL>/api/v1/*: method, query, body (streamed, never parsed) and headers
 * (Authorization included) go through; the upstream's status, headers and body come back unchanged, binary
 * and event streams included. An unreachable service answers 502 naming it.
 */
export function gatewayProxy({ upstreams, timeoutMs }: GatewayProxyOptions): RequestHandler {
  const logger = new Logger('GatewayProxy');
  const proxies = {} as Record<UpstreamService, ReturnType<typeof createProxyMiddleware<Request, Response>>>;
  for (const service of UPSTREAM_SERVICES) {
    proxies[service] = createProxyMiddleware<Request, Response>({
      target: upstreams[service],
      changeOrigin: true,
      xfwd: true,
      proxyTimeout: timeoutMs,
      on: {
        error: (error: Error, req: IncomingMessage, res: ServerResponse | Socket) => {
          logger.warn(`${service} unreachable for ${req.method} ${req.url}: ${error.message}`);
          if (!('writeHead' in res)) return void res.destroy();
          if (res.headersSent) return void res.end();
          res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(upstreamDownBody(service, localeFrom(req.headers['accept-language']))));
        },
      },
    });
  }

  return (req: Request, res: Response, next: NextFunction) => {
    const route = mapProxyRoute(req.url);
    if (!route) return next();
    req.url = route.upstreamPath;
    if (route.accessToken && !req.headers.authorization) req.headers.authorization = `Bearer ${route.accessToken}`;
    return proxies[route.service](req, res, next);
  };
}
