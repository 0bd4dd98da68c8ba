import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { localeFrom } from '@civicflow/platform';
import { neverReachedUpstream } from './upstream-pool';
import { UPSTREAM_POOLS, type UpstreamPools, UpstreamService, upstreamDownBody } from './upstream-services';

export interface UpstreamAnswer {
  status: number;
  contentType: string | null;
  body: Buffer;
}

export interface UpstreamRequest {
  method?: 'GET' | 'POST';
  authorization?: string;
  acceptLanguage?: string;
  json?: unknown;
  /** the browser's address, for identity's per-client login limit */
  forwardedFor?: string;
}

const TIMEOUT_MS = 30_000;

/**
 * Calls a service's API for the gateway's own routes (session, export); undefined when it cannot be reached. A
 * replica that refuses the connection is set aside and the next one takes the call.
 */
@Injectable()
export class UpstreamClient {
  constructor(@Inject(UPSTREAM_POOLS) private readonly pools: UpstreamPools) {}

  async request(service: UpstreamService, path: string, init: UpstreamRequest = {}): Promise<UpstreamAnswer | undefined> {
    const headers: Record<string, string> = {};
    if (init.authorization) headers.authorization = init.authorization;
    if (init.acceptLanguage) headers['accept-language'] = init.acceptLanguage;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.forwardedFor) headers['x-forwarded-for'] = init.forwardedFor;
    const pool = this.pools[service];
    for (const base of pool.order()) {
      try {
        const res = await fetch(`${base}${path}`, {
          method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json), signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        pool.markUp(base);
        return { status: res.status, contentType: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
      } catch (error) {
        if (!neverReachedUpstream(error)) return undefined;
        pool.markDown(base);
      }
    }
    return undefined;
  }
}

/** Sends an upstream's answer on unchanged, or the 502 naming the service. */
export function relayAnswer(res: Response, service: UpstreamService, answer: UpstreamAnswer | undefined, acceptLanguage?: string): void {
  if (!answer) {
    res.status(502).json(upstreamDownBody(service, localeFrom(acceptLanguage)));
    return;
  }
  res.status(answer.status);
  if (answer.contentType) res.setHeader('content-type', answer.contentType);
  res.send(answer.body);
}
