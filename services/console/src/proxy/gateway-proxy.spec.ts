// The gateway over replicas, on loopback HTTP servers (no CivicFlow service needed): calls go round robin, a
// replica that refuses connections is skipped with the call's body handed to the next one exactly once, and a
// service with no replica left answers 502 naming it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { UpstreamPool } from '../upstream/upstream-pool';
import { UPSTREAM_SERVICES, type UpstreamPools } from '../upstream/upstream-services';
import { gatewayProxy } from './gateway-proxy';

interface Seen { replica: string; method: string; url: string; body: string }

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A replica that records what it was sent and answers with its name. */
async function replica(name: string, seen: Seen[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ replica: name, method: req.method!, url: req.url!, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ replica: name }));
    });
  });
  return { url: await listen(server), server };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return url;
}

describe('gateway proxy over replicas', () => {
  const servers: Server[] = [];
  const seen: Seen[] = [];
  let gateway: string;
  let down: string;

  beforeAll(async () => {
    const a = await replica('a', seen);
    const b = await replica('b', seen);
    servers.push(a.server, b.server);
    down = await closedPortUrl();
    const pools = Object.fromEntries(UPSTREAM_SERVICES.map((service) => [service, new UpstreamPool([down])])) as UpstreamPools;
    pools.hotline = new UpstreamPool([a.url, b.url]);
    pools.casework = new UpstreamPool([a.url, down, b.url], 60_000);
    pools.intake = new UpstreamPool([a.url]);
    const app = express();
    app.use(gatewayProxy({ pools, timeoutMs: 5_000, bodyLimitBytes: 1024 }));
    const server = createServer(app);
    servers.push(server);
    gateway = await listen(server);
  });

  afterAll(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  const replicaOf = async (res: Response) => ((await res.json()) as { replica: string }).replica;

  it('spreads calls over the replicas in turn', async () => {
    const answered = [];
    for (let i = 0; i < 4; i++) answered.push(await replicaOf(await fetch(`${gateway}/api/hotline/calls?page=${i}`)));
    expect(answered.sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(seen.map((s) => s.url)).toEqual([0, 1, 2, 3].map((i) => `/api/v1/calls?page=${i}`));
  });

  it('hands a call a replica refused to the next one, body and all, and sends it once', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${gateway}/api/casework/cases/c${i}/commands/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: i }) });
      expect(res.status).toBe(200);
    }
    expect(seen.map((s) => s.body)).toEqual([0, 1, 2, 3, 4, 5].map((n) => JSON.stringify({ n })));
    expect(new Set(seen.map((s) => s.replica))).toEqual(new Set(['a', 'b']));
  });

  it('streams bodies straight through to a single replica', async () => {
    const res = await fetch(`${gateway}/api/intake/reports`, { method: 'POST', body: 'x'.repeat(5000) });
    expect(res.status).toBe(200);
    expect(seen).toEqual([expect.objectContaining({ replica: 'a', body: 'x'.repeat(5000) })]);
  });

  it('refuses a body larger than it reads ahead for replicas with 413', async () => {
    const res = await fetch(`${gateway}/api/hotline/calls`, { method: 'POST', body: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('answers 502 naming a service none of whose replicas can be reached', async () => {
    const res = await fetch(`${gateway}/api/grid/units`, { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ statusCode: 502, service: 'grid', message: expect.stringContaining('grid') });
  });
});

describe('upstream pool', () => {
  it('keeps a replica that refused aside until its rest is over', () => {
    let now = 0;
    const pool = new UpstreamPool(['a', 'b', 'c'], 1000, () => now);
    expect([pool.order()[0], pool.order()[0], pool.order()[0]]).toEqual(['a', 'b', 'c']);
    pool.markDown('b');
    expect(pool.order()).toEqual(['a', 'c', 'b']);
    expect(pool.order()).toEqual(['c', 'a', 'b']);
    now = 1000;
    expect(pool.order()).toEqual(['c', 'a', 'b']);
    expect(pool.order()).toEqual(['a', 'b', 'c']);
  });
});
