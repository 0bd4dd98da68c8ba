import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyServer } from 'http-proxy';
import { localeFrom } from '@civicflow/platform';
import { neverReachedUpstream } from '../upstream/upstream-pool';
import { type UpstreamPools, upstreamDownBody } from '../upstream/upstream-services';
import { mapProxyRoute } from './proxy-route';

export interface GatewayProxyOptions {
  pools: UpstreamPools;
  timeoutMs: number;
  /** Largest body read ahead for a service with several replicas (so a refused call can go to the next one). */
  bodyLimitBytes?: number;
}

/**
 * /api/<service>/* → <SERVICE_URL>/api/v1/*: method, query, body and headers (Authorization included) go through;
 * the upstream's status, headers and body come back unchanged, binary and event streams included. A service with
 * several replicas gets its calls round robin; a replica that refuses the connection (stopped, crashed,
 * restarting) is set aside and the call goes to the next. A refused connection never reached the upstream, so
 * nothing is done twice; for that the body of a call to a replicated service is read ahead (with one replica it
 * streams straight through). A service none of whose replicas can be reached answers 502 naming it.
 */
export function gatewayProxy({ pools, timeoutMs, bodyLimitBytes = 32 * 1024 * 1024 }: GatewayProxyOptions): RequestHandler {
  const logger = new Logger('GatewayProxy');
  const proxy = createProxyServer({ changeOrigin: true, xfwd: true, proxyTimeout: timeoutMs });

  return (req: Request, res: Response, next: NextFunction) => {
    const route = mapProxyRoute(req.url);
    if (!route) return next();
    req.url = route.upstreamPath;
    const { service } = route;
    const pool = pools[service];
    const targets = pool.order();

    const send = (attempt: number, body?: Buffer) => {
      const target = targets[attempt];
      proxy.web(req, res, { target, ...(body ? { buffer: Readable.from([body]) } : {}) }, (error: Error, _req: IncomingMessage, out: ServerResponse | Socket) => {
        const refused = neverReachedUpstream(error);
        if (refused) pool.markDown(target);
        logger.warn(`${service} at ${target} unreachable for ${req.method} ${req.url}: ${error.message}`);
        if (!('writeHead' in out)) return void out.destroy();
        if (out.headersSent) return void out.end();
        if (refused && attempt + 1 < targets.length && (body || !hasBody(req))) return send(attempt + 1, body);
        out.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        out.end(JSON.stringify(upstreamDownBody(service, localeFrom(req.headers['accept-language']))));
      });
    };
    if (targets.length === 1 || !hasBody(req)) return send(0);
    readBody(req, bodyLimitBytes).then(
      (body) => {
        req.headers['content-length'] = String(body.length);
        delete req.headers['transfer-encoding'];
        send(0, body);
      },
      () => {
        if (!res.headersSent) res.status(413).setHeader('connection', 'close').json({ statusCode: 413, error: 'Payload Too Large', message: `请求体过大 the request body is larger than ${bodyLimitBytes} bytes` });
      },
    );
  };
}

function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', collect).resume(); // the rest is read and dropped, so the 413 reaches the caller
      reject(new Error('body too large'));
    };
    req.on('data', collect);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
