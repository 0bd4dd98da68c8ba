// Open311 GeoReport v2 conformance, written from the specification's text (wiki.open311.org/GeoReport_v2) and
// FixMyStreet's servicerequestupdates extension, run against the real intake service in both formats, with the real
// servers behind it (grid, casework, hotline, the case worker on Temporal, Kafka, FerretDB). Then the journey the
// issue asks for (POST with an empty optional attribute and a media_url → token → keyless reads → resolved and
// closed by the callback → listed as closed, every change in the updates and in the app's signed webhooks), and
// third-party client libraries from PyPI, unchanged, in a project-local venv.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { naturalMinutes } from '@civicflow/domain';
import { eventually, httpAs, profilesWithWindows, pythonTool, startSystem, type TestSystem, TestUser, uniqueId } from '@civicflow/testing';
import { pointInside } from '@civicflow/grid';
import { verifyWebhook } from '../src/channels/open311/webhooks/webhook-signature';

const run = promisify(execFile);
const KEY = `o311-key-${uniqueId()}-000`;
const OTHER_KEY = `o311-other-${uniqueId()}-000`;
const SETTINGS = {
  INTAKE_API_KEYS: `${KEY}:civic-app:open311,${OTHER_KEY}:other-app:open311`,
  // every POST answers with a token (the spec's slower path), so the journey goes through tokens/{token}
  INTAKE_OPEN311_WAIT_MS: '0',
  INTAKE_OPEN311_MEDIA_HOSTS: '127.0.0.1',
  INTAKE_WEBHOOK_RETRY_MS: '200,400',
};
const PROFILES = profilesWithWindows({
  acceptance: naturalMinutes(30), 'community-handling': naturalMinutes(60), 'street-handling': naturalMinutes(120), 'department-report-in': naturalMinutes(20),
  'department-answer': naturalMinutes(90), callback: naturalMinutes(60), mediation: naturalMinutes(600),
});
// a real 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const operator: TestUser = { role: 'operator', unitId: 'bf', userId: 'operator' };
const handler = (unitId: string): TestUser => ({ role: 'community-handler', unitId, userId: `handler-${unitId}` });
const FORMATS = ['xml', 'json'] as const;
type Format = (typeof FORMATS)[number];
type Row = Record<string, string | undefined>;

const LISTS = ['request', 'service', 'error', 'attribute', 'value', 'request_update', 'webhook', 'dead_letter', 'endpoint', 'format'];
const xml = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => LISTS.includes(name) });
/** One shape for both formats: a list of rows of strings (XML leaves empty elements out, JSON has null). */
function rowsOf(format: Format, text: string): Row[] {
  if (format === 'json') {
    const body = JSON.parse(text) as unknown;
    const list = Array.isArray(body) ? body : [body];
    return list.map((item) => Object.fromEntries(Object.entries(item as object).filter(([, v]) => v !== null && v !== '').map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)])));
  }
  const parsed = xml.parse(text) as Record<string, unknown>;
  const [root] = Object.values(parsed) as (Record<string, unknown> | '')[];
  if (!root) return [];
  const items = Object.values(root)[0];
  return (Array.isArray(items) ? items : [root]).map((item) => Object.fromEntries(Object.entries(item as object).filter(([, v]) => v !== '').map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)])));
}

const hasChinese = /[\u4e00-\u9fff]/;
const hasEnglish = /[A-Za-z]{4,} [A-Za-z]{2,}/;

describe('Open311 GeoReport v2 conformance, on the real intake service', () => {
  let system: TestSystem<'identity' | 'grid' | 'hotline' | 'intake' | 'casework'>;
  let runId: string;
  const urls: Record<'hotline' | 'intake' | 'casework', string> = { hotline: '', intake: '', casework: '' };
  let photoDir: string;
  let media: Server;
  let mediaBase: string;
  let receiver: Server;
  let receiverBase: string;
  const received: { path: string; body: string; signature?: string }[] = [];

  beforeAll(async () => {
    photoDir = await mkdtemp(join(tmpdir(), 'civicflow-photos-'));
    media = createServer((req, res) => (req.url === '/lamp.png' ? res.writeHead(200, { 'content-type': 'image/png' }).end(PNG) : res.writeHead(404).end()));
    receiver = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['x-civicflow-signature'] as string | undefined });
        res.writeHead(req.url === '/broken' ? 500 : 204).end();
      });
    });
    mediaBase = await listen(media);
    receiverBase = await listen(receiver);
    // identity issues intake's service token (svc-intake reads the grid's routing dataset with it)
    system = await startSystem({ services: ['identity', 'grid', 'hotline', 'intake', 'casework'], env: { ...SETTINGS, INTAKE_PHOTO_DIR: photoDir }, worker: { slaProfiles: PROFILES } });
    runId = system.runId;
    Object.assign(urls, system.urls);
  });

  afterAll(async () => {
    await system?.stop();
    media?.close();
    receiver?.close();
    if (photoDir) await rm(photoDir, { recursive: true, force: true });
  });

  const http = httpAs(urls);
  const open311 = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${urls.intake}/open311/v2/${path}`, init);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const read = async (format: Format, path: string, init?: RequestInit) => {
    const res = await open311(path.replace('{f}', format), init);
    return { ...res, rows: res.text ? rowsOf(format, res.text) : [] };
  };
  const post = (format: Format, fields: Record<string, string>) => read(format, 'requests.{f}', { method: 'POST', body: new URLSearchParams(fields) });
  /** The service_request_id a POST receipt names, at once or through its token (the spec's two answers). */
  const idOf = async (format: Format, receipt: Row) =>
    receipt.service_request_id ??
    eventually(async () => (await read(format, `tokens/${receipt.token!}.{f}`)).rows[0]?.service_request_id, { what: `token ${receipt.token!}`, timeoutMs: 30_000 });
  const command = async (caseNumber: string, name: string, who: TestUser, body: unknown = {}) => {
    const res = await http('casework', 'POST', `/api/v1/cases/${caseNumber}/commands/${name}`, who, body);
    expect({ name, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ name, status: 200, body: 'ok' });
  };

  describe.each(FORMATS)('in %s', (format) => {
    const grid = format === 'xml' ? 'bf-d01-s01-c01-g05' : 'bf-d01-s01-c02-g05';
    const place = pointInside(grid);

    it('answers in the format of the extension, UTF-8, with the spec’s content type', async () => {
      const res = await read(format, 'services.{f}');
      expect(res.type).toBe(format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8');
      if (format === 'xml') expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      expect(res.rows.length).toBeGreaterThan(200);
      expect(res.rows.find((s) => s.service_code === '0208')).toMatchObject({ service_name: '路灯照明', metadata: 'true', type: 'realtime', group: '城市管理' });
    });

    it('gives a service definition with its attributes, and 404 for a service that does not exist', async () => {
      const definition = (await read(format, 'services/0208.{f}')).text;
      expect(definition).toContain('request_type');
      expect(definition).toContain('singlevaluelist');
      const missing = await read(format, 'services/9999.{f}');
      expect(missing.status).toBe(404);
      expect(missing.rows[0]).toMatchObject({ code: '404', description: expect.stringContaining('9999') });
    });

    it('POST: needs a valid api_key (403), a known service_code (404), a location (400) — errors in this format, a field’s reason in the client’s language', async () => {
      const noKey = await post(format, { service_code: '0208', lat: String(place.lat), long: String(place.lng) });
      expect(noKey.status).toBe(403);
      const badKey = await post(format, { api_key: 'not-a-registered-key-000', service_code: '0208', lat: String(place.lat), long: String(place.lng) });
      expect(badKey.status).toBe(403);
      const unknown = await post(format, { api_key: KEY, service_code: '9999', lat: String(place.lat), long: String(place.lng) });
      expect(unknown.status).toBe(404);
      const nowhere = await post(format, { api_key: KEY, service_code: '0208', description: 'x' });
      expect(nowhere.status).toBe(400);
      for (const res of [noKey, badKey, unknown, nowhere]) {
        expect(res.type.startsWith(format === 'xml' ? 'text/xml' : 'application/json')).toBe(true);
        expect(res.rows[0]).toMatchObject({ code: String(res.status) });
        expect(res.rows[0].description).toMatch(hasChinese);
      }
      for (const res of [noKey, badKey, unknown]) expect(res.rows[0].description).toMatch(hasEnglish);
      // a field's reason is Chinese unless the client asks for English (Accept-Language: en)
      expect(nowhere.rows).toEqual([{ code: '400', description: 'lat: 须提供位置：lat 与 long，或 address_string' }]);
      const asked = await read(format, 'requests.{f}', { method: 'POST', headers: { 'accept-language': 'en' }, body: new URLSearchParams({ api_key: KEY, service_code: '0208', description: 'x' }) });
      expect(asked).toMatchObject({ status: 400, rows: [{ code: '400', description: 'lat: a location is required: lat and long, or address_string' }] });
    });

    it('answers unknown paths and formats under /open311/v2 with 404 in the asked format', async () => {
      for (const path of [`nothing-here.${format}`, `requests/x/y.${format}`]) {
        const res = await open311(path);
        expect(res.status).toBe(404);
        expect(res.type.startsWith(format === 'xml' ? 'text/xml' : 'application/json')).toBe(true);
        expect(rowsOf(format, res.text)[0]).toMatchObject({ code: '404', description: expect.stringMatching(hasChinese) });
      }
    });

    it('takes the api_key from the query, a header, the form or a multipart body; empty optional arguments are absent', async () => {
      const fields = { service_code: '0208', lat: String(place.lat), long: String(place.lng), description: `灯不亮 ${runId}`, 'attribute[request_type]': '', address_id: '', email: '' };
      const inQuery = await read(format, `requests.{f}?api_key=${KEY}`, { method: 'POST', body: new URLSearchParams(fields) });
      const inHeader = await read(format, 'requests.{f}', { method: 'POST', headers: { 'x-api-key': KEY }, body: new URLSearchParams(fields) });
      const multipart = new FormData();
      for (const [k, v] of Object.entries({ ...fields, api_key: KEY })) multipart.append(k, v);
      const inMultipart = await read(format, 'requests.{f}', { method: 'POST', body: multipart });
      const inForm = await post(format, { ...fields, api_key: KEY });
      for (const res of [inQuery, inHeader, inMultipart, inForm]) {
        expect(res.status).toBe(201);
        expect(res.rows[0].token ?? res.rows[0].service_request_id).toBeTruthy();
      }
    });

    it('reads requests without a key: filters, W3C datetimes to the minute, a start_date alone 100 days back; the 90-day bound on a range', async () => {
      const res = await post(format, { api_key: KEY, service_code: '0208', lat: String(place.lat), long: String(place.lng), description: `路灯 ${runId} ${format}` });
      const id = await idOf(format, res.rows[0]);
      const minute = (offsetMs: number) => {
        const china = new Date(Date.now() + offsetMs + 8 * 3600_000).toISOString();
        return `${china.slice(0, 16)}+08:00`;
      };
      const listed = await read(format, `requests.{f}?service_code=0208&start_date=${encodeURIComponent(minute(-3600_000))}&end_date=${encodeURIComponent(minute(60_000))}`);
      expect(listed.status).toBe(200);
      expect(listed.rows.map((r) => r.service_request_id)).toContain(id);
      const longAgo = new Date(Date.now() - 100 * 24 * 3600_000).toISOString();
      expect((await read(format, `requests.{f}?start_date=${longAgo}`)).rows.map((r) => r.service_request_id)).toContain(id);
      const tooWide = await read(format, `requests.{f}?start_date=${longAgo}&end_date=${new Date().toISOString()}`);
      expect(tooWide.status).toBe(400);
      expect(tooWide.rows[0].description).toContain('end_date');
      const notW3c = await read(format, 'requests.{f}?start_date=2026-12-07T11:27');
      expect(notW3c.status).toBe(400);
      // service_request_id overrides the other arguments
      expect((await read(format, `requests.{f}?service_request_id=${id}&status=closed&start_date=2020-01-01`)).rows.map((r) => r.service_request_id)).toEqual([id]);
      const unknownId = await read(format, 'requests/20000101-000001.{f}');
      expect(unknownId.status).toBe(404);
      expect((await read(format, 'tokens/no-such-token.{f}')).status).toBe(404);
    });

    it('gives every report its own id: a duplicate is merged, says so in status_notes, names its master and shows no other resident’s words', async () => {
      const spot = pointInside(format === 'xml' ? 'bf-d01-s01-c01-g06' : 'bf-d01-s01-c02-g06');
      const first = await post(format, { api_key: KEY, service_code: '0208', lat: String(spot.lat), long: String(spot.lng), description: `第一位居民 first resident ${runId}` });
      const firstId = await idOf(format, first.rows[0]);
      const second = await post(format, { api_key: OTHER_KEY, service_code: '0208', lat: String(spot.lat + 0.0001), long: String(spot.lng), description: `第二位居民 second resident ${runId}` });
      const secondId = await idOf(format, second.rows[0]);
      expect(secondId).not.toBe(firstId);
      expect(secondId).toBe(`${firstId}-1`);
      const shown = await read(format, `requests/${secondId}.{f}?api_key=${OTHER_KEY}`);
      expect(shown.rows).toHaveLength(1);
      expect(shown.rows[0]).toMatchObject({ service_request_id: secondId, master_service_request_id: firstId, status_notes: expect.stringContaining(`已并入案件 ${firstId}`) });
      expect(shown.text).toContain('second resident');
      expect(shown.text).not.toContain('first resident');
      const master = await read(format, `requests/${firstId}.{f}`);
      expect(master.rows.map((r) => r.service_request_id)).toEqual([firstId]);
      expect(master.text).not.toContain('resident');
    });

    it('redacts the public view: no words or photo of anyone, no doorstep for a sensitive category; the posting app sees its own in full', async () => {
      const res = await post(format, {
        api_key: KEY, service_code: '1301', lat: String(place.lat), long: String(place.lng), address_string: `锦华社区 ${format === 'xml' ? 5 : 6} 号楼 2 单元 907`, description: `看病难 ${runId}`,
        media_url: 'https://photos.example.org/ward.jpg', email: 'patient@example.org', phone: '13800001111',
      });
      const id = await idOf(format, res.rows[0]);
      const publicView = await read(format, `requests/${id}.{f}`);
      expect(publicView.rows[0]).toMatchObject({ service_request_id: id, service_code: '1301', status: 'open' });
      for (const hidden of ['description', 'media_url', 'address']) expect(publicView.rows[0][hidden]).toBeUndefined();
      expect(Number(publicView.rows[0].lat)).toBe(Math.round(place.lat * 100) / 100);
      expect(publicView.text).not.toMatch(/patient@|13800001111|907|看病难/);
      const otherApp = await read(format, `requests/${id}.{f}?api_key=${OTHER_KEY}`);
      expect(otherApp.rows[0].description).toBeUndefined();
      const own = await read(format, `requests/${id}.{f}?api_key=${KEY}`);
      expect(own.rows[0]).toMatchObject({ description: `看病难 ${runId}`, media_url: 'https://photos.example.org/ward.jpg', address: expect.stringContaining('2 单元 907'), lat: String(place.lat) });
      expect(own.text).not.toMatch(/patient@|13800001111/);
    });
  });

  it('the journey: POST (empty optional attribute, media_url) → token → keyless reads (redacted) → resolved, closed by the callback → listed closed; every change in the updates and in the app’s signed webhooks', async () => {
    const grid = 'bf-d01-s01-c03-g02';
    const community = 'bf-d01-s01-c03';
    const place = pointInside(grid);
    const since = new Date(Date.now() - 60_000);

    // the app registers two webhooks: one that works, one that always fails (its deliveries end as dead letters)
    const hook = (await read('json', 'webhooks.{f}', { method: 'POST', body: new URLSearchParams({ api_key: KEY, url: `${receiverBase}/hook` }) })).rows[0];
    expect(hook).toMatchObject({ webhook_id: expect.any(String), secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const broken = await read('xml', 'webhooks.{f}', { method: 'POST', body: new URLSearchParams({ api_key: KEY, url: `${receiverBase}/broken` }) });
    expect(broken.status).toBe(201);
    expect((await read('json', 'webhooks.{f}')).status).toBe(403);

    const posted = await post('xml', {
      api_key: KEY, service_code: '0208', lat: String(place.lat), long: String(place.lng), description: `路灯坏了 ${runId} journey`,
      'attribute[request_type]': '', media_url: `${mediaBase}/lamp.png`, email: 'someone@example.org',
    });
    expect(posted.status).toBe(201);
    const token = posted.rows[0].token!;
    expect(token).toBeTruthy();
    const id = await eventually(async () => (await read('xml', `tokens/${token}.{f}`)).rows[0]?.service_request_id, { what: 'the token to resolve', timeoutMs: 30_000 });

    // keyless, redacted; the agency by name and the deadline once dispatched
    const dispatched = await eventually(async () => {
      const row = (await read('xml', `requests/${id}.{f}`)).rows[0];
      return row.expected_datetime ? row : undefined;
    }, { what: 'the request to show its deadline', timeoutMs: 30_000 });
    expect(dispatched).toMatchObject({ service_request_id: id, status: 'open', agency_responsible: expect.stringContaining('城市管理综合执法局'), status_notes: expect.stringMatching(/^已派至.+社区/) });
    expect(dispatched.description).toBeUndefined();
    expect(dispatched.media_url).toBeUndefined();
    expect(new Date(dispatched.expected_datetime!).getTime()).toBeGreaterThan(Date.now());

    // the photo was fetched from the allowed host into photo storage and is on the case for staff
    const caseNumber = id;
    const photoId = createHash('sha256').update(PNG).digest('hex');
    const detail = await http('intake', 'GET', `/api/v1/cases/${caseNumber}`, handler(community));
    expect(detail.body).toMatchObject({ photos: [photoId], photoLinks: [] });

    await command(caseNumber, 'accept', handler(community));
    await command(caseNumber, 'resolve', handler(community), { summary: '已更换灯泡 the lamp is replaced' });
    const task = await eventually(async () => {
      const res = await http('hotline', 'GET', '/api/v1/callbacks?status=pending&limit=200', operator);
      return (res.body.callbacks as { callbackId: string; caseNumber: string }[]).find((c) => c.caseNumber === caseNumber);
    }, { what: 'the callback task', timeoutMs: 30_000 });
    const closing = Math.floor(Date.now() / 1000) * 1000;
    expect((await http('hotline', 'POST', `/api/v1/callbacks/${task.callbackId}/result`, operator, { reached: true, satisfaction: 'satisfied', resolved: true })).status).toBeLessThan(300);

    const closed = await eventually(async () => (await read('xml', 'requests.{f}?status=closed')).rows.find((r) => r.service_request_id === id), { what: 'the request listed as closed', timeoutMs: 30_000 });
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已办结归档 closed' });
    expect(new Date(closed.updated_datetime!).getTime()).toBeGreaterThanOrEqual(closing);
    expect(closed.expected_datetime).toBeUndefined();

    // servicerequestupdates: every change, oldest first, ending closed — in both formats alike
    const updatesOf = async (format: Format) => (await read(format, `servicerequestupdates.{f}?start_date=${encodeURIComponent(since.toISOString())}`)).rows.filter((u) => u.service_request_id === id);
    const updates = await eventually(async () => {
      const rows = await updatesOf('xml');
      return rows[rows.length - 1]?.status === 'closed' ? rows : undefined;
    }, { what: 'the closing update', timeoutMs: 30_000 });
    expect(await updatesOf('json')).toEqual(updates);
    const stages = updates.map((u) => u.external_status_code);
    expect(stages).toEqual(expect.arrayContaining(['in-handling', 'resolved', 'closed']));
    expect(stages.indexOf('in-handling')).toBeLessThan(stages.indexOf('resolved'));
    expect(stages.indexOf('resolved')).toBeLessThan(stages.indexOf('closed'));
    for (let i = 1; i < updates.length; i++) expect(updates[i].description).not.toBe(updates[i - 1].description);
    expect(new Set(updates.map((u) => u.update_id)).size).toBe(updates.length);

    // the webhook got each of them, signed with its secret; the broken one's deliveries ended as dead letters
    const deliveries = await eventually(async () => {
      const mine = received.filter((r) => r.path === '/hook').map((r) => ({ ...r, parsed: JSON.parse(r.body) as { update: { update_id: string; service_request_id: string } } })).filter((r) => r.parsed.update.service_request_id === id);
      return mine.length >= updates.length ? mine : undefined;
    }, { what: 'a webhook delivery for every update', timeoutMs: 30_000 });
    expect(deliveries.map((d) => d.parsed.update.update_id).sort()).toEqual(updates.map((u) => u.update_id!).sort());
    for (const delivery of deliveries) expect(verifyWebhook(hook.secret!, delivery.body, delivery.signature)).toBe(true);
    expect(verifyWebhook('another-secret', deliveries[0].body, deliveries[0].signature)).toBe(false);
    const dead = await eventually(async () => {
      const rows = (await read('json', `webhooks/dead_letters.{f}?api_key=${KEY}`)).rows;
      return rows.length >= updates.length ? rows : undefined;
    }, { what: 'the broken webhook’s dead letters', timeoutMs: 30_000 });
    expect(dead[0]).toMatchObject({ url: `${receiverBase}/broken`, attempts: '3', last_error: 'HTTP 500' });
    expect((await read('json', `webhooks/dead_letters.{f}?api_key=${OTHER_KEY}`)).rows).toEqual([]);

    // a media_url from a host nobody allowed stays a link that staff open
    const linked = await post('json', { api_key: KEY, service_code: '0208', lat: String(pointInside('bf-d01-s01-c03-g03').lat), long: String(pointInside('bf-d01-s01-c03-g03').lng), media_url: 'https://photos.example.org/lamp.jpg' });
    const linkedId = await idOf('json', linked.rows[0]);
    expect((await http('intake', 'GET', `/api/v1/cases/${linkedId}`, handler(community))).body).toMatchObject({ photos: [], photoLinks: ['https://photos.example.org/lamp.jpg'] });
  });

  it('third-party client libraries from PyPI, unchanged: civicbot reads services, posts and reads the request back; georeport reads without a key', async () => {
    const python = await pythonVenv();
    const place = pointInside('bf-d01-s01-c03-g04');
    const { stdout } = await run(python, [resolve(__dirname, 'open311-clients/clients.py'), `${urls.intake}/open311/v2`, KEY, String(place.lat), String(place.lng)], { timeout: 120_000 });
    const out = JSON.parse(stdout) as Record<string, any>;
    expect(out.services).toBeGreaterThan(200);
    expect(out.definition).toMatchObject({ service_code: '0208' });
    expect(out.receipt.token ?? out.receipt.service_request_id).toBeTruthy();
    expect(out.service_request_id).toMatch(/^\d{8}-\d{6}$/);
    expect(out.civicbot_request).toMatchObject({ service_request_id: out.service_request_id, service_code: '0208', status: 'open' });
    expect(out.civicbot_list).toEqual([out.service_request_id]);
    for (const format of FORMATS) {
      expect(out[`georeport_${format}_services`]).toBe(out.services);
      expect(out[`georeport_${format}_definition`]).toMatchObject({ service_code: '0208' });
      expect(out[`georeport_${format}_request`]).toMatchObject({ service_request_id: out.service_request_id, service_code: '0208' });
      expect(out[`georeport_${format}_list`]).toEqual([expect.objectContaining({ service_request_id: out.service_request_id })]);
    }
  });
});

function listen(server: Server): Promise<string> {
  return new Promise((resolveUrl) => server.listen(0, '127.0.0.1', () => resolveUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** The project-local venv's python with the pinned client libraries (scripts/lib/python-tools.mjs), or a clear failure. */
async function pythonVenv(): Promise<string> {
  return join(pythonTool('open311-clients'), 'bin', 'python');
}
