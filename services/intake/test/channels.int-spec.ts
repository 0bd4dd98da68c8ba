// The intake channels on the real servers: a resident's app report with a photo and a grid worker's patrol report
// become cases whose workflows run on Temporal (case.registered on Kafka); photos are checked by their bytes and
// stored once by content; Open311 clients submit and read back in JSON and XML with their api_key.
// The real grid service (demo city 北丰市) serves the routing dataset intake routes with.
import { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { caseRegisteredV1 } from '@civicflow/contracts';
import { createKafka } from '@civicflow/platform';
import { bearerFor, EventProbe, integrationConfig, uniqueId, ownTemporalNamespace, startCaseWorker, TestCaseWorker } from '@civicflow/testing';
import { createIntakeApp, intakeConfigSchema } from '@civicflow/intake';
import { createGridApp, gridConfigSchema, pointInside } from '@civicflow/grid';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';

const runId = uniqueId();
const API_KEY = `test-key-${runId}`;
const OPEN311_ONLY_KEY = `test-311-key-${runId}`;
const MAX_PHOTO_BYTES = 256 * 1024;

// a real 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// the demo city: the app report's grid and community, the patrol's grid, the Open311 request's place
const GRID = 'bf-d01-s01-c01-g03';
const COMMUNITY = 'bf-d01-s01-c01';
const LAMP = pointInside(GRID);
const MANHOLE = pointInside('bf-d01-s01-c01-g04');
const TAP = pointInside('bf-d01-s01-c02-g01');

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'service', 'error'].includes(name) });

describe('intake channels: app reports, patrol reports, photos and Open311 on the real servers', () => {
  let photoDir: string;
  let intake: INestApplication;
  let intakeUrl: string;
  let worker: TestCaseWorker;
  let kafka: Kafka;
  let probe: EventProbe;
  let grid: INestApplication;
  let identity: INestApplication;
  let temporal: Client;
  let mongo: MongoClient;

  beforeAll(async () => {
    photoDir = await mkdtemp(join(tmpdir(), `civicflow-photos-${runId}-`));
    const env = integrationConfig({
      MONGO_DB_PREFIX: runId,
      INTAKE_CONSUMER_GROUP: `intake-${runId}`,
      KAFKA_FROM_BEGINNING: 'false',
      INTAKE_PHOTO_DIR: photoDir,
      INTAKE_PHOTO_MAX_BYTES: String(MAX_PHOTO_BYTES),
      INTAKE_API_KEYS: `${API_KEY}:test-app,${OPEN311_ONLY_KEY}:civic-app:open311`,
    });
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    kafka = createKafka(`test-${runId}`, env);

    // identity issues intake's service token; the real grid service with the demo city: intake loads its routing
    // dataset from it and routes in process
    identity = await createIdentityApp(identityConfigSchema.parse(env));
    await identity.listen(0, '127.0.0.1');
    env.SERVICE_TOKEN_URL = `${await identity.getUrl()}/api/v1/auth/token`;
    grid = await createGridApp(gridConfigSchema.parse({ ...env, GRID_CONSUMER_GROUP: `grid-${runId}`, GRID_SEED_DEMO: 'true' }));
    await grid.startAllMicroservices();
    await grid.listen(0, '127.0.0.1');
    env.GRID_URL = await grid.getUrl();

    intake = await createIntakeApp(intakeConfigSchema.parse(env));
    await intake.startAllMicroservices();
    await intake.listen(0, '127.0.0.1');
    intakeUrl = await intake.getUrl();
    worker = await startCaseWorker(env, kafka);
    probe = await new EventProbe(kafka, [caseRegisteredV1.topic], `probe-${runId}`).start();
    temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE });
    mongo = await new MongoClient(env.MONGO_URL).connect();
  });

  afterAll(async () => {
    await probe?.stop();
    await worker?.stop();
    await intake?.close();
    await grid?.close();
    await identity?.close();
    await temporal?.connection.close();
    await mongo?.db(`${runId}_intake`).dropDatabase();
    await mongo?.db(`${runId}_grid`).dropDatabase();
    await mongo?.db(`${runId}_identity`).dropDatabase();
    await mongo?.close();
    if (photoDir) await rm(photoDir, { recursive: true, force: true });
  });

  const storedPhotoFiles = async () => (await readdir(photoDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;

  function appReport(fields: Record<string, string>, photos: { bytes: Buffer; name: string; type: string }[] = []): FormData {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const photo of photos) form.append('photos', new Blob([photo.bytes], { type: photo.type }), photo.name);
    return form;
  }

  const postAppReport = (form: FormData, apiKey = API_KEY) =>
    fetch(`${intakeUrl}/api/v1/reports/app`, { method: 'POST', headers: { 'x-api-key': apiKey }, body: form });

  const streetLight = {
    content: '小区门口路灯坏了一周,晚上很黑 — the street light at the compound gate has been out for a week',
    'location[lng]': String(LAMP.lng),
    'location[lat]': String(LAMP.lat),
    address: '青山区幸福路街道阳光社区 3 号楼',
    reporterId: 'wx-openid-0001',
  };

  it('turns an app report with a photo into a case whose workflow runs, and serves the photo to staff only', async () => {
    const reportId = `app-${runId}`;
    const res = await postAppReport(appReport({ ...streetLight, reportId }, [{ bytes: PNG, name: 'street-light.png', type: 'image/png' }]));
    expect(res.status).toBe(201);
    const report = (await res.json()) as { caseNumber: string; merged: boolean; intakeStatus: string; photos: { photoId: string; url: string }[] };
    expect(report).toMatchObject({ reportId, merged: false, intakeStatus: 'routed', photos: [{ photoId: sha256(PNG), url: `/api/v1/photos/${sha256(PNG)}` }] });

    // Kafka: the case workflow's first activity announced the case, so the workflow started and ran
    const registered = await probe.waitForEvent(caseRegisteredV1.type, (e) => e.key === report.caseNumber);
    expect(registered.data).toMatchObject({ channel: 'app', sourceRef: `test-app/${reportId}`, requestType: 'help' });
    expect((await temporal.workflow.getHandle(report.caseNumber).describe()).type).toBe('caseWorkflow');

    // Mongo: the registered report carries the photo and a pseudonym of the resident, never the app's id for them
    const stored = await mongo.db(`${runId}_intake`).collection('reports').findOne({ _id: `app:test-app/${reportId}` as never });
    expect(stored).toMatchObject({ channel: 'app', caseNumber: report.caseNumber, photos: [sha256(PNG)], routing: { orgPath: ['bf', 'bf-d01', 'bf-d01-s01', COMMUNITY, GRID] } });
    expect(stored!.reporterRef).toMatch(/^test-app:[0-9a-f]{32}$/);
    expect(JSON.stringify(stored)).not.toContain('wx-openid-0001');

    // the same report again (the app lost the answer): same case, photo stored once
    const again = await postAppReport(appReport({ ...streetLight, reportId }, [{ bytes: PNG, name: 'street-light.png', type: 'image/png' }]));
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ caseNumber: report.caseNumber, reportId });
    expect(await mongo.db(`${runId}_intake`).collection('case_numbers').countDocuments({ source: `app:test-app/${reportId}` })).toBe(1);
    expect(await storedPhotoFiles()).toBe(1);

    const photoUrl = `${intakeUrl}${report.photos[0].url}`;
    const photo = await fetch(photoUrl, { headers: { authorization: await bearerFor('community-handler', COMMUNITY) } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(photoUrl)).status).toBe(401);

    // a path parameter the schema refuses: its reason in Chinese by default, in English when asked
    const staff = { authorization: await bearerFor('community-handler', COMMUNITY) };
    const notAnId = await fetch(`${intakeUrl}/api/v1/photos/not-a-photo-id`, { headers: staff });
    expect(notAnId.status).toBe(400);
    expect(await notAnId.json()).toMatchObject({ message: '请求参数无效', errors: [{ field: 'photoId', code: 'invalid_format', reason: '须为照片编号（64 位小写十六进制数字）' }] });
    const inEnglish = await fetch(`${intakeUrl}/api/v1/photos/not-a-photo-id`, { headers: { ...staff, 'accept-language': 'en' } });
    expect(await inEnglish.json()).toMatchObject({ message: 'Invalid request', errors: [{ field: 'photoId', code: 'invalid_format', reason: 'must be a photo id (64 lower-case hex digits)' }] });
  });

  it('refuses an oversized photo with 413 naming it, and stores nothing', async () => {
    const before = await storedPhotoFiles();
    const huge = Buffer.concat([PNG, Buffer.alloc(MAX_PHOTO_BYTES)]);
    const res = await postAppReport(appReport({ ...streetLight, reportId: `huge-${runId}` }, [{ bytes: PNG, name: 'ok.png', type: 'image/png' }, { bytes: huge, name: 'huge-photo.png', type: 'image/png' }]));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { message: string; errors: unknown[] };
    expect(body.message).toContain('huge-photo.png');
    expect(body.message).toContain('256 KB');
    expect(body.errors).toEqual([{ field: 'photos', code: 'photo_too_large', reason: 'huge-photo.png：超过 256 KB 上限' }]);
    expect(await storedPhotoFiles()).toBe(before);
  });

  it('refuses a text file posing as a .jpg with 415, whatever it declares', async () => {
    const fake = Buffer.from('这不是照片 — not a photo at all, just text saved as photo.jpg');
    const res = await postAppReport(appReport({ ...streetLight, reportId: `fake-${runId}` }, [{ bytes: fake, name: 'photo.jpg', type: 'image/jpeg' }]));
    expect(res.status).toBe(415);
    expect(((await res.json()) as { message: string }).message).toContain('photo.jpg');
    expect(await mongo.db(`${runId}_intake`).collection('field_reports').countDocuments({ reportId: `fake-${runId}` })).toBe(0);
  });

  it('answers bad app reports with 400 by field, and unknown keys with 403', async () => {
    const res = await postAppReport(appReport({ content: '路灯', reporterId: 'wx-1', categoryCode: '9999' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['location']);
    const unknownCategory = await postAppReport(appReport({ ...streetLight, categoryCode: '9999' }));
    expect(unknownCategory.status).toBe(400);
    expect(await unknownCategory.json()).toMatchObject({ errors: [{ field: 'categoryCode', reason: expect.stringContaining('"9999"') }] });
    const fivePhotos = Array.from({ length: 5 }, (_, i) => ({ bytes: PNG, name: `p${i}.png`, type: 'image/png' }));
    const tooMany = await postAppReport(appReport(streetLight, fivePhotos));
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ errors: [{ field: 'photos', code: 'too_many_photos', reason: '照片最多 4 张' }] });
    // a multipart body cut short: Chinese by default, English when asked, with a code like every field error
    const cutShort = (language?: string) => fetch(`${intakeUrl}/api/v1/reports/app`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'multipart/form-data; boundary=cut', ...(language ? { 'accept-language': language } : {}) },
      body: '--cut\r\ncontent-disposition: form-data; name="content"\r\n\r\n路灯',
    });
    const malformed = await cutShort();
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ errors: [{ field: '(body)', code: 'malformed_multipart', reason: expect.stringMatching(/^表单数据格式错误：/) }] });
    expect(await (await cutShort('en')).json()).toMatchObject({ errors: [{ field: '(body)', code: 'malformed_multipart', reason: expect.stringMatching(/^malformed multipart\/form-data: /) }] });
    expect((await postAppReport(appReport(streetLight), 'not-a-registered-key-000')).status).toBe(403);
    expect((await postAppReport(appReport(streetLight), OPEN311_ONLY_KEY)).status).toBe(403); // key without the app scope
  });

  it('records a grid worker’s patrol report with their grid as the reporter', async () => {
    const form = appReport({ content: '井盖缺失,有行人跌落风险 — a manhole cover is missing', categoryCode: '0201', urgency: 'urgent', 'location[lng]': String(MANHOLE.lng), 'location[lat]': String(MANHOLE.lat) }, [
      { bytes: PNG, name: 'manhole.png', type: 'image/png' },
    ]);
    const headers = { authorization: await bearerFor('grid-worker', GRID, 'gw-zhang') };
    const res = await fetch(`${intakeUrl}/api/v1/reports/patrol`, { method: 'POST', headers, body: form });
    expect(res.status).toBe(201);
    const { caseNumber } = (await res.json()) as { caseNumber: string };
    const registered = await probe.waitForEvent(caseRegisteredV1.type, (e) => e.key === caseNumber);
    expect(registered.data).toMatchObject({ channel: 'patrol', categoryCode: '0201', urgency: 'urgent' });
    const number = await mongo.db(`${runId}_intake`).collection('case_numbers').findOne({ _id: caseNumber as never });
    expect(await mongo.db(`${runId}_intake`).collection('reports').findOne({ _id: number!.source })).toMatchObject({ channel: 'patrol', reporterRef: `grid:${GRID}` });

    // the worker's own list: this report, newest first; sending it again (same reportId) lists it once
    const reportId = `again-${runId}`;
    const again = () => fetch(`${intakeUrl}/api/v1/reports/patrol`, { method: 'POST', headers, body: appReport({ reportId, content: '路面塌陷 a sinkhole', categoryCode: '0201', 'location[lng]': String(MANHOLE.lng + 0.01), 'location[lat]': String(MANHOLE.lat) }) });
    expect((await again()).status).toBe(201);
    expect((await again()).status).toBe(201);
    const mine = (await (await fetch(`${intakeUrl}/api/v1/reports/patrol/mine`, { headers })).json()) as { reports: { reportId: string; caseNumber: string; photos: number }[] };
    expect(mine.reports.map((r) => r.reportId)).toEqual([reportId, expect.any(String)]);
    expect(mine.reports[1]).toMatchObject({ caseNumber, photos: 1 });
    // 办理照片: the grid worker of the case's grid adds before/after photos to it; someone of another grid cannot
    const photosOf = (stage: string, auth: Record<string, string>) => {
      const form = new FormData();
      form.append('photos', new Blob([PNG], { type: 'image/png' }), `${stage}.png`);
      return fetch(`${intakeUrl}/api/v1/cases/${caseNumber}/photos?stage=${stage}`, { method: 'POST', headers: auth, body: form });
    };
    const caseGrid = { authorization: await bearerFor('grid-worker', 'bf-d01-s01-c01-g04', 'gw-zhang') };
    expect((await photosOf('before', caseGrid)).status).toBe(201);
    const afterWork = await photosOf('after', caseGrid);
    expect(afterWork.status).toBe(201);
    expect(await afterWork.json()).toEqual({ before: [expect.objectContaining({ photoId: sha256(PNG), by: 'gw-zhang' })], after: [expect.objectContaining({ photoId: sha256(PNG) })] });
    const elsewhere = { authorization: await bearerFor('grid-worker', 'bf-d04-s01-c01-g01', 'gw-far') };
    expect((await photosOf('after', elsewhere)).status).toBe(404); // outside the worker's grid: answered like an unknown case
    const otherWorker = (await (await fetch(`${intakeUrl}/api/v1/reports/patrol/mine`, { headers: { authorization: await bearerFor('grid-worker', GRID, 'gw-li') } })).json()) as { reports: unknown[] };
    expect(otherWorker.reports).toEqual([]);

    expect((await fetch(`${intakeUrl}/api/v1/reports/patrol`, { method: 'POST', body: appReport({ content: 'x' }) })).status).toBe(401);
    const asOperator = await fetch(`${intakeUrl}/api/v1/reports/patrol`, { method: 'POST', headers: { authorization: await bearerFor('operator', 'bf') }, body: appReport({ content: 'x' }) });
    expect(asOperator.status).toBe(403);
  });

  describe('Open311 GeoReport v2', () => {
    const open311 = (path: string, init?: RequestInit) => fetch(`${intakeUrl}/open311/v2/${path}`, init);

    it('lists the taxonomy as services, in JSON and XML, without a key', async () => {
      const json = (await (await open311('services.json')).json()) as { service_code: string; group: string }[];
      expect(json.find((s) => s.service_code === '0501')).toMatchObject({ group: '供水', metadata: true, type: 'realtime' });
      const res = await open311('services.xml');
      expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
      const services = (xml.parse(await res.text()) as { services: { service: { service_code: string }[] } }).services.service;
      expect(services).toHaveLength(json.length);
      const definition = (await (await open311('services/0501.json')).json()) as { attributes: { code: string; values: { key: string }[] }[] };
      expect(definition.attributes[0]).toMatchObject({ code: 'request_type', values: [{ key: 'complaint' }, { key: 'help' }] });
      const discovery = xml.parse(await (await open311('discovery.xml')).text()) as { discovery: { endpoints: { endpoint: { url: string } } } };
      expect(discovery.discovery.endpoints.endpoint.url).toBe(`${intakeUrl.replace('[::1]', '127.0.0.1')}/open311/v2`);
    });

    it('takes a form-encoded request and shows it back by id, in the list, and through its token', async () => {
      const res = await open311('requests.json', {
        method: 'POST',
        body: new URLSearchParams({
          api_key: OPEN311_ONLY_KEY, service_code: '0501', lat: String(TAP.lat), long: String(TAP.lng), description: '3 号楼停水两天了 — no water for two days',
          'attribute[request_type]': 'complaint', email: 'Resident@Example.org', media_url: 'https://photos.example.org/tap.jpg',
        }),
      });
      expect(res.status).toBe(201);
      const [receipt] = (await res.json()) as { service_request_id: string; service_notice: string }[];
      expect(receipt.service_request_id).toMatch(/^\d{8}-\d{6}$/);
      const id = receipt.service_request_id;
      const registered = await probe.waitForEvent(caseRegisteredV1.type, (e) => e.key === id);
      expect(registered.data).toMatchObject({ channel: 'open311', requestType: 'complaint', categoryCode: '0501' });

      const [shown] = (await (await open311(`requests.json?api_key=${OPEN311_ONLY_KEY}&service_request_id=${id}`)).json()) as Record<string, unknown>[];
      expect(shown).toMatchObject({
        service_request_id: id, status: 'open', service_code: '0501', description: '3 号楼停水两天了 — no water for two days',
        lat: TAP.lat, long: TAP.lng, media_url: 'https://photos.example.org/tap.jpg', requested_datetime: expect.stringMatching(/\+08:00$/),
      });
      const listed = xml.parse(await (await open311(`requests.xml?api_key=${OPEN311_ONLY_KEY}&status=open&service_code=0501`)).text()) as { service_requests: { request: { service_request_id: string; status: string }[] } };
      expect(listed.service_requests.request).toEqual([expect.objectContaining({ service_request_id: id, status: 'open' })]);
      const one = xml.parse(await (await open311(`requests/${id}.xml?api_key=${OPEN311_ONLY_KEY}`)).text()) as { service_requests: { request: { lat: string }[] } };
      expect(one.service_requests.request[0].lat).toBe(String(TAP.lat));
      expect(await (await open311(`requests.json?api_key=${OPEN311_ONLY_KEY}&status=closed`)).json()).toEqual([]);

      // the token the request was filed under resolves to its id; the stored request keeps no contact details
      const stored = await mongo.db(`${runId}_intake`).collection('open311_requests').findOne({ caseNumber: id });
      expect(JSON.stringify(stored)).not.toMatch(/resident@example\.org/i);
      expect(await (await open311(`tokens/${String(stored!._id)}.json?api_key=${OPEN311_ONLY_KEY}`)).json()).toEqual([{ token: stored!._id, service_request_id: id }]);

      // another app, and anyone without a key, sees its public view: no words, photo or contact
      const [publicView] = (await (await open311(`requests.json?api_key=${API_KEY}&service_request_id=${id}`)).json()) as Record<string, unknown>[];
      expect(publicView).toMatchObject({ service_request_id: id, description: null, media_url: null });
      expect((await open311(`requests/${id}.json`)).status).toBe(200);
    });

    it('answers a bad api_key with 403 and bad fields with 400, as Open311 errors', async () => {
      const bad = await open311('requests.xml', { method: 'POST', body: new URLSearchParams({ api_key: 'wrong-key-0000000000', service_code: '0501', lat: '40', long: '109' }) });
      expect(bad.status).toBe(403);
      const errors = xml.parse(await bad.text()) as { errors: { error: { code: string; description: string }[] } };
      expect(errors.errors.error[0]).toMatchObject({ code: '403', description: expect.stringContaining('api_key') });
      const csv = await open311('services.csv');
      expect(csv.status).toBe(404);
      expect(xml.parse(await csv.text())).toMatchObject({ errors: { error: [{ code: '404' }] } });
      expect(await (await open311('services/9999.json')).json()).toEqual([{ code: 404, description: expect.stringContaining('"9999"') }]);
      const missing = await open311('requests.json', { method: 'POST', body: new URLSearchParams({ service_code: '0501', lat: '40', long: '109' }) });
      expect(missing.status).toBe(403);
      expect(await missing.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);

      const unknownService = await open311('requests.json', { method: 'POST', body: new URLSearchParams({ api_key: OPEN311_ONLY_KEY, service_code: '9999', lat: '40' }) });
      expect(unknownService.status).toBe(404);
      expect(await unknownService.json()).toEqual([{ code: 404, description: expect.stringContaining('"9999"') }]);
      const invalid = await open311('requests.json', { method: 'POST', body: new URLSearchParams({ api_key: OPEN311_ONLY_KEY, service_code: '0501', lat: '40' }) });
      expect(invalid.status).toBe(400);
      // a field's reason in the client's language (Chinese unless it asks for English), after the field's name
      expect(await invalid.json()).toEqual([{ code: 400, description: 'long: lat 与 long 须同时提供' }]);
      const asked = { method: 'POST', headers: { 'accept-language': 'en' }, body: new URLSearchParams({ api_key: OPEN311_ONLY_KEY, service_code: '0501', lat: '91', long: 'east' }) };
      expect(await (await open311('requests.json', asked)).json()).toEqual([{ code: 400, description: 'lat: must be between -90 and 90' }, { code: 400, description: 'long: must be a number' }]);
      const inXml = xml.parse(await (await open311('requests.xml', { ...asked, headers: {} })).text()) as { errors: { error: { code: string; description: string }[] } };
      expect(inXml.errors.error).toEqual([{ code: '400', description: 'lat: 须在 -90 与 90 之间' }, { code: '400', description: 'long: 须为数字' }]);
      // what fails before routing (a body type nobody reads, 415) answers in the asked format too, not CivicFlow's JSON
      const plain = await open311('requests.xml', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'service_code=0501' });
      expect(plain.status).toBe(415);
      expect(plain.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(xml.parse(await plain.text())).toMatchObject({ errors: { error: [{ code: '415', description: expect.stringMatching(/^Content-Type: 此处不读取 text\/plain/) }] } });
      const plainJson = await open311('requests.json', { method: 'POST', headers: { 'content-type': 'text/plain', 'accept-language': 'en' }, body: 'x' });
      expect(await plainJson.json()).toEqual([{ code: 415, description: expect.stringMatching(/^Content-Type: text\/plain is not read here/) }]);
    });
  });
});
