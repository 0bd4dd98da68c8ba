import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { CONFIG, localeFrom } from '@civicflow/platform';
import type { ConsoleConfig } from '../config';
import { UpstreamService, upstreamBaseUrls, upstreamDownBody } from './upstream-services';

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
}

const TIMEOUT_MS = 30_000;

/** Calls a service's API for the gateway's own routes (session, export); undefined when it cannot be reached. */
@Injectable()
export class UpstreamClient {
  private readonly bases: Record<UpstreamService, string>;

  constructor(@Inject(CONFIG) config: ConsoleConfig) {
    this.bases = upstreamBaseUrls(config);
  }

  baseUrl(service: UpstreamService): string {
    return this.bases[service];
  }

  async request(service: UpstreamService, path: string, init: UpstreamRequest = {}): Promise<UpstreamAnswer | undefined> {
    const headers: Record<string, string> = {};
    if (init.authorization) headers.authorization = init.authorization;
    if (init.acceptLanguage) headers['accept-language'] = init.acceptLanguage;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await fetch(`${this.bases[service]}${path}`, {
        method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json), signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return { status: res.status, contentType: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
    } catch {
      return undefined;
    }
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
