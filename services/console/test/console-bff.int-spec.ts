// The console gateway on the real servers: identity, casework and notification run in-process beside the BFF;
// the browser's paths go through it — login, proxied calls (bodies, errors and a stopped service), the live
// stream with a case update from a real lifecycle event, and the statistics exported as CSV and Excel.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { MongoClient } from 'mongodb';
import { caseDispatchedV1, caseRegisteredV1 } from '@civicflow/contracts';
import { createKafka, EventPublisher } from '@civicflow/platform';
import { eventually, integrationConfig, uniqueId } from '@civicflow/testing';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';
import { caseworkConfigSchema, createCaseworkApp } from '@civicflow/casework';
import { createNotificationApp, notificationConfigSchema } from '@civicflow/notification';
import { consoleConfigSchema } from '../src/config';
import { createConsoleApp } from '../src/create-app';
import { SseParser } from '../src/stream/sse-parser';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const runId = uniqueId();
const env = integrationConfig({
  MONGO_DB_PREFIX: runId, KAFKA_FROM_BEGINNING: 'false', CASEWORK_CONSUMER_GROUP: `casework-${runId}`,
  NOTIFICATION_CONSUMER_GROUP: `notification-${runId}`, CONSOLE_CONSUMER_GROUP: `console-${runId}`,
});
const COMMUNITY = 'bf-d01-s01-c01';
const STREET = 'bf-d01-s01';
const day = new Date(Date.UTC(2020, 0, 1) + randomInt(0, 1000) * 86_400_000).toISOString().slice(0, 10);
const caseNumber = `${day.replaceAll('-', '')}-${String(randomInt(1_000_000)).padStart(6, '0')}`;

/** A port nothing listens on: a service that is down. */
async function stoppedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('console gateway (BFF) on the real servers', () => {
  const apps: INestApplication[] = [];
  const webDist = join(mkdtempSync(join(tmpdir(), 'console-web-')), 'dist');
  let bff: string;
  let identityUrl: string;
  let publisher: EventPublisher;
  let token: string;

  async function start(app: INestApplication): Promise<string> {
    apps.push(app);
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    return app.getUrl();
  }

  beforeAll(async () => {
    const identity = await start(await createIdentityApp(identityConfigSchema.parse(env)));
    identityUrl = identity;
    const casework = await start(await createCaseworkApp(caseworkConfigSchema.parse(env)));
    const notification = await start(await createNotificationApp(notificationConfigSchema.parse(env)));
    const consoleConfig = consoleConfigSchema.parse({
      ...env, IDENTITY_URL: identity, CASEWORK_URL: casework, NOTIFICATION_URL: notification, HOTLINE_URL: `http://127.0.0.1:${await stoppedPort()}`,
      CONSOLE_WEB_DIST: webDist, CONSOLE_HEARTBEAT_MS: '500',
      JWT_REVOCATION_URL: `${identity}/api/v1/auth/revocations`, JWT_REVOCATION_POLL_MS: '200',
    });
    bff = await start(await createConsoleApp(consoleConfig));
    publisher = new EventPublisher(createKafka(`test-${runId}`, env), 'workflows');
  });

  afterAll(async () => {
    await publisher?.disconnect();
    for (const app of apps.reverse()) await app.close();
    const mongo = await new MongoClient(env.MONGO_URL).connect();
    for (const service of ['identity', 'casework', 'notification', 'console']) await mongo.db(`${runId}_${service}`).dropDatabase();
    await mongo.close();
  });

  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${bff}${path}`, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : undefined };
  };
  const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const auth = () => ({ headers: { authorization: `Bearer ${token}` } });

  it('logs in through the gateway and answers who the user is', async () => {
    const login = await call('/api/session/login', json({ username: 'supervisor', password: 'civicflow' }));
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer', user: { userId: 'supervisor', role: 'supervisor', unitId: 'bf' } });
    token = login.body.accessToken;
    // a second sign-in, refreshed through the gateway: each refresh token works once (a reuse ends that session)
    const other = await call('/api/session/login', json({ username: 'supervisor', password: 'civicflow' }));
    const refreshed = await call('/api/session/refresh', json({ refreshToken: other.body.refreshToken }));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user).toMatchObject({ userId: 'supervisor' });
    expect((await call('/api/session/refresh', json({ refreshToken: other.body.refreshToken }))).status).toBe(401);
    expect((await call('/api/session/me', auth())).body).toMatchObject({ userId: 'supervisor', role: 'supervisor' });
    expect((await call('/api/session/me')).status).toBe(401);
    const wrong = await call('/api/session/login', json({ username: 'supervisor', password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toContain('用户名或密码错误');
    const bad = await call('/api/session/login', json({ username: '' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'username']);
  });

  it('proxies /api/<service>/* to the service’s /api/v1 with body, token, status and error bodies unchanged', async () => {
    // a POST body goes through unparsed
    const viaProxy = await call('/api/identity/auth/login', json({ username: 'street', password: 'civicflow' }));
    expect(viaProxy.status).toBe(200);
    expect(viaProxy.body.user).toMatchObject({ role: 'street-coordinator', unitId: STREET });
    // the upstream's own error answer, byte for byte
    const broken: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' };
    const malformed = await call('/api/identity/auth/login', broken);
    const direct = await fetch(`${identityUrl}/api/v1/auth/login`, broken);
    expect(malformed.status).toBe(400);
    expect(malformed.text).toBe(await direct.text());

    const worklist = await call('/api/casework/worklist?view=breached', auth());
    expect(worklist.status).toBe(200);
    expect(worklist.body).toMatchObject({ view: 'breached', unitId: 'bf' });
    expect((await call('/api/casework/worklist')).status).toBe(401);
    const missing = await call('/api/casework/cases/20000101-000000/timeline', auth());
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('20000101-000000');
    // a token in the URL is not a credential (it would end up in logs and browser history)
    expect((await call(`/api/casework/worklist?access_token=${token}`)).status).toBe(401);
  });

  it('answers 502 naming a service that is down', async () => {
    const down = await call('/api/hotline/calls', { ...json({ content: 'x' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
    expect(down.status).toBe(502);
    expect(down.body).toMatchObject({ statusCode: 502, service: 'hotline' });
    expect(down.body.message).toMatch(/热线.*hotline service is unavailable/);
  });

  it('pushes a case update to the supervisor’s live stream once casework’s worklists show it', async () => {
    expect((await call('/api/stream')).status).toBe(401);
    expect((await call(`/api/stream?access_token=${token}`)).status).toBe(401);
    expect((await call('/api/stream', { headers: { cookie: 'civicflow_stream=not-a-token' } })).status).toBe(401);
    // EventSource cannot send headers: the page asks for the stream cookie with its bearer token
    const opened = await call('/api/stream/session', { method: 'POST', ...auth() });
    expect(opened.status).toBe(204);
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^civicflow_stream=[^;]+; Path=\/api\/stream; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const aborted = new AbortController();
    const res = await fetch(`${bff}/api/stream`, { headers: { cookie: cookie.split(';')[0] }, signal: aborted.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const messages: { type: string; [k: string]: unknown }[] = [];
    let comments = 0;
    const parser = new SseParser();
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          const text = decoder.decode(chunk, { stream: true });
          comments += (text.match(/^: heartbeat/gm) ?? []).length;
          for (const event of parser.feed(text)) messages.push(JSON.parse(event.data));
        }
      } catch {
        // aborted at the end
      }
    })();
    await eventually(async () => messages.find((m) => m.type === 'hello'), { what: 'hello' });
    await eventually(async () => messages.find((m) => m.type === 'inbox-status' && m.status === 'up'), { what: 'the inbox relay to be up' });

    await publisher.publishAll([
      publisher.build(caseRegisteredV1, { key: caseNumber, id: `${caseNumber}:registered`, correlationId: runId, data: {
        caseNumber, channel: 'hotline', sourceRef: `call-${runId}`, requestType: 'complaint', urgency: 'normal', categoryCode: '0208',
        orgPath: ['bf', 'bf-d01', STREET, COMMUNITY, `${COMMUNITY}-g01`], registeredAt: `${day}T09:00:00+08:00` } }),
      publisher.build(caseDispatchedV1, { key: caseNumber, id: `${caseNumber}:1:case.dispatched`, correlationId: runId, data: {
        caseNumber, sequence: 1, occurredAt: `${day}T09:01:00+08:00`, stage: 'dispatched', level: 'community', unitId: COMMUNITY,
        sla: { window: 'acceptance', startedAt: `${day}T09:01:00+08:00`, status: 'on-track', paused: false, deadline: `${day}T11:01:00+08:00`, warningAt: null },
        route: { streetId: STREET, communityId: COMMUNITY, gridId: `${COMMUNITY}-g01` }, assigneeUnitId: COMMUNITY, redispatch: false } }),
    ]);
    const update = await eventually(async () => messages.find((m) => m.type === 'case-updated' && m.caseNumber === caseNumber && m.eventType === 'case.dispatched'),
      { what: 'the case-updated message' });
    expect(update).toEqual({ type: 'case-updated', caseNumber, eventType: 'case.dispatched', unitId: COMMUNITY, stage: 'dispatched' });
    // relayed from casework's read model, not from the case event: a worklist read right now already has the case as dispatched
    const openCases = await call('/api/casework/worklist?view=open', { headers: { authorization: `Bearer ${token}` } });
    expect(openCases.body.items).toContainEqual(expect.objectContaining({ caseNumber, stage: 'dispatched', currentUnit: COMMUNITY, gridId: `${COMMUNITY}-g01` }));
    await eventually(async () => (comments > 0 ? true : undefined), { what: 'a heartbeat comment' });
    aborted.abort();
    await reading;
  });

  it('exports the statistics and the cases behind them as CSV and Excel', async () => {
    const period = `from=${day}&to=${day}`;
    await eventually(async () => {
      const res = await call(`/api/casework/statistics/summary?${period}`, auth());
      return res.status === 200 && res.body.total.cases === 1 ? true : undefined;
    }, { what: 'the case in the statistics' });

    const csv = await fetch(`${bff}/api/export/statistics?${period}&groupBy=street&format=csv`, auth());
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM
    const rows = bytes.subarray(3).toString('utf8').trim().split('\r\n').map((line) => line.split(','));
    expect(rows[0].slice(0, 5)).toEqual(['街道编码', '街道名称', '案件数', '响应数', '响应率']);
    expect(rows[1].slice(0, 5)).toEqual(['', '合计', '1', '0', '0.0%']);
    expect(rows[2][0]).toBe(STREET);

    expect((await fetch(`${bff}/api/export/cases?${period}&groupBy=street&key=${STREET}&format=xlsx&access_token=${token}`)).status).toBe(401);
    const xlsx = await fetch(`${bff}/api/export/cases?${period}&groupBy=street&key=${STREET}&format=xlsx`, auth());
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()));
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('案件编号');
    expect(sheet.getRow(2).getCell(1).value).toBe(caseNumber);
    expect(sheet.rowCount).toBe(2);

    // casework's own errors come back unchanged
    const bad = await call(`/api/export/statistics?from=yesterday&format=csv`, auth());
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'from', code: 'invalid_period', reason: '须为 ISO 日期时间或 YYYY-MM-DD 日期' }]);
    expect((await call(`/api/export/statistics?${period}&format=pdf`, auth())).status).toBe(400);
    expect((await call(`/api/export/statistics?${period}`)).status).toBe(401);
  });

  it('logging out ends the session: its stream closes and its token is refused', async () => {
    const login = await call('/api/session/login', json({ username: 'street', password: 'civicflow' }));
    const bearer = { authorization: `Bearer ${login.body.accessToken}` };
    const cookie = ((await call('/api/stream/session', { method: 'POST', headers: bearer })).headers.get('set-cookie') ?? '').split(';')[0];
    const res = await fetch(`${bff}/api/stream`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const ended = (async () => {
      for await (const _chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        // read until the gateway closes the stream
      }
      return true;
    })();
    const logout = await call('/api/session/logout', { method: 'POST', headers: bearer });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
    await expect(ended).resolves.toBe(true);
    expect((await call('/api/stream', { headers: { cookie } })).status).toBe(401);
    expect((await call('/api/session/refresh', json({ refreshToken: login.body.refreshToken }))).status).toBe(401);
  });

  it('serves the web app at / once built (503 saying how before), and documents its routes', async () => {
    const before = await call('/');
    expect(before.status).toBe(503);
    expect(before.body.message).toContain('npm run build -w @civicflow/console');
    mkdirSync(webDist, { recursive: true });
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>CivicFlow</title>');
    writeFileSync(join(webDist, 'app.js'), 'console.log(1)');
    expect((await call('/')).text).toContain('<title>CivicFlow</title>');
    expect((await call('/cases/20261128-000001')).text).toContain('<title>CivicFlow</title>'); // client-side route
    expect((await call('/app.js')).text).toBe('console.log(1)');
    expect((await call('/api/nothing-here')).status).toBe(404);

    // a hashed asset: the build's brotli copy to a browser that takes it (gzip to one that takes only that), kept a year
    mkdirSync(join(webDist, 'assets'), { recursive: true });
    const bundle = 'export const words = "基层治理".repeat(100);';
    writeFileSync(join(webDist, 'assets', 'index-Ab12Cd34.js'), bundle);
    writeFileSync(join(webDist, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(bundle));
    writeFileSync(join(webDist, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(bundle));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>CivicFlow</title><script src="/assets/index-Ab12Cd34.js"></script>');
    const asset = async (encoding: string) => {
      const res = await fetch(`${bff}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': encoding } });
      return { encoding: res.headers.get('content-encoding'), type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), text: await res.text() };
    };
    expect(await asset('gzip, deflate, br')).toEqual({ encoding: 'br', type: expect.stringContaining('javascript'), cache: 'public, max-age=31536000, immutable', text: bundle });
    expect(await asset('gzip')).toMatchObject({ encoding: 'gzip', text: bundle });
    expect(await asset('identity')).toMatchObject({ encoding: null, text: bundle });
    expect((await call('/')).headers.get('cache-control')).toBe('no-cache'); // the page always asks for the newest build
    expect((await call('/assets/index-Gone0000.js')).status).toBe(404); // an old build's asset: not the page under a .js name

    const docs = await call('/api/docs/openapi.json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/session/login', '/api/session/me', '/api/stream', '/api/export/statistics', '/api/export/cases', '/api/services']));
    const services = await call('/api/services');
    expect(services.body).toEqual(expect.arrayContaining([expect.objectContaining({ service: 'casework', prefix: '/api/casework', docs: expect.stringMatching(/\/api\/docs$/) })]));
  });
});
