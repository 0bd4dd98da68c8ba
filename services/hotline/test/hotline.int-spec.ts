// The hotline on the real servers: HTTP with real bearer tokens, MongoDB protocol (FerretDB locally), and Kafka
// carrying the events that stand in for intake and the case workflow (case.registered, case.resolved) and the
// events the hotline publishes (hotline.call-logged, hotline.callback-recorded).
import { INestApplication } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { callbackRecordedV1, callLoggedV1, caseClosedV1, caseRegisteredV1, caseResolvedV1, EventEnvelope, Role, telephonyCallV1 } from '@civicflow/contracts';
import { getModelToken } from '@nestjs/mongoose';
import { createKafka, DUE_WORK_MODEL, EventPublisher, MongoDueList, PiiProtector } from '@civicflow/platform';
import { bearerFor, eventually, EventProbe, integrationConfig, ProbedMessage, uniqueId } from '@civicflow/testing';
import { createHotlineApp, hotlineConfigSchema } from '@civicflow/hotline';
import { HotlineOutbox } from '../src/outbox/hotline-outbox';
import { callbackAttemptsMigration } from '../src/migrations/callback-attempts.migration';
import { callIndexesMigration } from '../src/migrations/call-indexes.migration';
import { callbackListsMigration } from '../src/migrations/callback-lists.migration';
import mongoose from 'mongoose';

const runId = uniqueId();
const consumerGroup = `hotline-${runId}`;
const TELEPHONY_KEY = `telephony-key-${runId}`;
const env = integrationConfig({ MONGO_DB_PREFIX: runId, HOTLINE_CONSUMER_GROUP: consumerGroup, KAFKA_FROM_BEGINNING: 'false', HOTLINE_TELEPHONY_KEY: TELEPHONY_KEY });

interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * The notification service's citizen directory as the hotline sees it over HTTP (its token endpoint and
 * `PUT /api/v1/directory/citizens/:ref`): records what it is given, and can hold its answers, like a slow service.
 */
class DirectoryStandIn {
  readonly contacts = new Map<string, { phone: string }>();
  private held?: Promise<void>;
  private release?: () => void;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.answer(req).then(([status, body]) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** From now on the directory answers nothing until `answer()`. */
  hold(): void {
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  answerNow(): void {
    this.release?.();
    this.held = undefined;
  }

  async stop(): Promise<void> {
    this.answerNow();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async answer(req: IncomingMessage): Promise<[number, unknown]> {
    let body = '';
    for await (const chunk of req) body += chunk;
    if (req.url === '/api/v1/auth/token') return [200, { access_token: 'svc-hotline-token', expires_in: 3600 }];
    const ref = /^\/api\/v1\/directory\/citizens\/([^/]+)$/.exec(req.url ?? '')?.[1];
    if (req.method !== 'PUT' || !ref) return [404, {}];
    await this.held;
    this.contacts.set(decodeURIComponent(ref), JSON.parse(body) as { phone: string });
    return [200, {}];
  }
}

/** Numbers and case numbers of this run only, so nothing here meets another run's data on the shared topics. */
const aMobile = () => `13${randomInt(0, 10)}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
const aCaseNumber = () => `20991231-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;

describe('hotline service on the real servers', () => {
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let probe: EventProbe;
  let mongo: MongoClient;
  const directory = new DirectoryStandIn();

  beforeAll(async () => {
    kafka = createKafka(`test-${runId}`, env);
    const directoryUrl = await directory.start();
    app = await createHotlineApp(hotlineConfigSchema.parse({ ...env, NOTIFICATION_URL: directoryUrl, SERVICE_TOKEN_URL: `${directoryUrl}/api/v1/auth/token` }));
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    publisher = new EventPublisher(kafka, 'test');
    probe = await new EventProbe(kafka, [callLoggedV1.topic, caseRegisteredV1.topic, telephonyCallV1.topic], `probe-${runId}`).start();
    mongo = await new MongoClient(env.MONGO_URL).connect();
  });

  afterAll(async () => {
    await probe?.stop();
    await publisher?.disconnect();
    await app?.close();
    await mongo?.db(`${runId}_hotline`).dropDatabase();
    await mongo?.close();
    await directory.stop();
  });

  async function api<T = any>(method: string, path: string, options: { as?: Role | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    const role = options.as === undefined ? 'operator' : options.as;
    if (role && !headers.authorization) headers.authorization = await bearerFor(role, 'city');
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }

  async function logCall(overrides: Record<string, unknown> = {}): Promise<{ callId: string; callerMasked: string; categoryCode?: string }> {
    const res = await api('POST', '/api/v1/calls', {
      body: { callerNumber: aMobile(), content: '小区路灯坏了一周 the street light has been out for a week', requestType: 'complaint', address: '阳光社区3号楼', ...overrides },
    });
    expect(res.status).toBe(202);
    return res.body;
  }

  function registerCase(callId: string, caseNumber = aCaseNumber()): Promise<EventEnvelope> {
    return publisher.publish(caseRegisteredV1, {
      key: caseNumber,
      correlationId: callId,
      data: { caseNumber, channel: 'hotline', sourceRef: callId, requestType: 'complaint', urgency: 'normal', registeredAt: new Date().toISOString() },
    });
  }

  function resolveCase(caseNumber: string, callbackDueAt: Date): Promise<EventEnvelope> {
    return publisher.publish(caseResolvedV1, {
      key: caseNumber,
      correlationId: caseNumber,
      data: {
        caseNumber,
        resolvedAt: new Date().toISOString(),
        level: 'community',
        unitId: 'community-yangguang',
        summary: '已更换路灯灯泡,恢复照明',
        callbackDueAt: callbackDueAt.toISOString(),
      },
    });
  }

  /** Waits until the hotline's consumer group has committed past every given message: it has handled them. */
  async function consumed(events: EventEnvelope[]): Promise<void> {
    const ids = new Set(events.map((e) => e.id));
    const seen = await eventually(async () => {
      const found = probe.messages.filter((m) => m.event && ids.has(m.event.id));
      return found.length >= events.length ? found : undefined;
    }, { what: 'the probe to see the events' });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const committedPast = async (m: ProbedMessage) => {
        const [topic] = await admin.fetchOffsets({ groupId: consumerGroup, topics: [m.topic] });
        return Number(topic.partitions.find((p) => p.partition === m.partition)?.offset ?? -1) > Number(m.offset);
      };
      await eventually(async () => ((await Promise.all(seen.map(committedPast))).every(Boolean) ? true : undefined), {
        what: 'the hotline consumer group to commit past the events',
      });
    } finally {
      await admin.disconnect();
    }
  }

  it('wants a bearer token everywhere and the right role for each route', async () => {
    expect((await api('POST', '/api/v1/calls', { as: null, body: {} })).status).toBe(401);
    expect((await api('GET', '/api/v1/callbacks', { as: null })).status).toBe(401);
    expect((await api('GET', '/api/v1/knowledge/search?q=社保卡', { as: null })).status).toBe(401);
    expect((await api('POST', '/api/v1/calls', { as: 'dispatcher', body: {} })).status).toBe(403);
    expect((await api('GET', '/api/v1/callers/lookup?number=13800000000', { as: 'grid-worker' })).status).toBe(403);

    // the OpenAPI document (public) describes every route with bearer auth
    const docs = await api('GET', '/api/docs/openapi.json', { as: null });
    expect(docs.status).toBe(200);
    expect(docs.body.components.securitySchemes).toHaveProperty('bearer');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining([
      '/api/v1/calls', '/api/v1/calls/{callId}/caller-number', '/api/v1/categories/suggest', '/api/v1/callers/lookup',
      '/api/v1/audit/caller-number-reads', '/api/v1/knowledge/search', '/api/v1/knowledge/articles/{articleId}',
      '/api/v1/callbacks', '/api/v1/callbacks/{callbackId}/result',
    ]));
  });

  it('refuses a bad call with the path of each bad field, an oversized body with 413, and names a wrong category', async () => {
    const badCall = { callerNumber: 'call me', requestType: 'gossip', location: { lng: 111.8, lat: 100 } };
    const bad = await api('POST', '/api/v1/calls', { body: badCall });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('请求参数无效');
    // every field's reason in Chinese by default, with its path and the schema's issue code (a body)
    expect(bad.body.errors).toEqual(expect.arrayContaining([
      { field: 'callerNumber', code: 'invalid_format', reason: '须为电话号码', params: expect.objectContaining({ format: 'regex' }) },
      { field: 'content', code: 'invalid_type', reason: '必填', params: { expected: 'string', received: 'undefined' } },
      expect.objectContaining({ field: 'requestType', code: 'invalid_value', reason: expect.stringMatching(/^无效选项/) }),
      { field: 'location.lat', code: 'too_big', reason: '不能大于 90', params: { origin: 'number', maximum: 90, inclusive: true } },
    ]));
    expect(JSON.stringify(bad.body)).not.toContain('call me');
    const inEnglish = await api('POST', '/api/v1/calls', { body: badCall, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(inEnglish.body.message).toBe('Invalid request');
    expect(inEnglish.body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'callerNumber', code: 'invalid_format', reason: 'must be a phone number' }),
      expect.objectContaining({ field: 'content', code: 'invalid_type', reason: 'required' }),
      expect.objectContaining({ field: 'location.lat', code: 'too_big', reason: 'must be at most 90' }),
    ]));

    const malformed = await api('POST', '/api/v1/calls', { raw: '{"callerNumber": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: '(body)', code: 'malformed_json', reason: expect.stringContaining('JSON 格式错误') }]);

    const huge = await api('POST', '/api/v1/calls', { body: { callerNumber: aMobile(), content: '很长'.repeat(200_000), requestType: 'complaint', address: 'x' } });
    expect(huge.status).toBe(413);

    const unknown = await api('POST', '/api/v1/calls', { body: { callerNumber: aMobile(), content: '咨询', requestType: 'inquiry', address: 'x', categoryCode: '9999' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'categoryCode', reason: expect.stringContaining('9999') }]);

    const wrongType = await api('POST', '/api/v1/calls', { body: { callerNumber: aMobile(), content: '路灯怎么报修', requestType: 'inquiry', address: 'x', categoryCode: '0208' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toEqual([{ field: 'requestType', reason: expect.stringContaining('0208') }]);

    // a valid category without an urgency takes the category's priority (0601 暖气不热: high)
    const heating = await logCall({ content: '暖气不热', categoryCode: '0601' });
    const logged = await probe.waitForEvent(callLoggedV1.type, (e) => e.key === heating.callId);
    expect(logged.data).toMatchObject({ categoryCode: '0601', urgency: 'high' });
    expect(logged.id).toBe(`${heating.callId}:logged`);
  });

  it('suggests minor categories with their major, request types and priority as the operator types', async () => {
    const res = await api('GET', `/api/v1/categories/suggest?q=${encodeURIComponent('供暖')}&requestType=inquiry&limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.suggestions[0]).toMatchObject({
      code: expect.stringMatching(/^060[45]$/),
      major: { code: '06', zh: '供热' },
      requestTypes: expect.arrayContaining([{ code: 'inquiry', zh: '咨询', en: 'inquiry' }]),
      priority: { code: 'normal', zh: '一般' },
      allowsRequestType: true,
    });
    // a query parameter's reason, Chinese by default and English when asked
    expect((await api('GET', '/api/v1/categories/suggest?q=')).body.errors).toEqual([{ field: 'q', code: 'too_small', reason: '请输入分类名称的一部分、英文词或分类代码', params: { origin: 'string', minimum: 1, inclusive: true } }]);
    expect((await api('GET', '/api/v1/categories/suggest?q=', { headers: { 'accept-language': 'en' } })).body.errors).toEqual([expect.objectContaining({ field: 'q', code: 'too_small', reason: 'type part of a category name, an English word or a code' })]);
    expect((await api('GET', `/api/v1/categories/suggest?q=${'x'.repeat(51)}`)).body.errors).toEqual([expect.objectContaining({ field: 'q', code: 'too_big', reason: '不得超过 50 个字符' })]);
  });

  it('shows the full number to operators only, and records every read for supervisors', async () => {
    const number = aMobile();
    const { callId, callerMasked } = await logCall({ callerNumber: number });
    expect(callerMasked).toBe(`${number.slice(0, 3)}****${number.slice(-4)}`);
    const path = `/api/v1/calls/${callId}/caller-number`;

    expect((await api('GET', `${path}?reason=${encodeURIComponent('核查')}`, { as: 'supervisor' })).status).toBe(403);
    expect((await api('GET', `${path}?reason=${encodeURIComponent('核查')}`, { as: 'dispatcher' })).status).toBe(403);
    const noReason = await api('GET', path);
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    expect((await api('GET', `/api/v1/calls/no-such-call/caller-number?reason=${encodeURIComponent('回访')}`)).status).toBe(404);

    const read = await api('GET', `${path}?reason=${encodeURIComponent('来电中断回拨')}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ callId, callerNumber: number, callerMasked });
    expect(read.headers.get('cache-control')).toBe('no-store');

    expect((await api('GET', `/api/v1/audit/caller-number-reads?callId=${callId}`, { as: 'operator' })).status).toBe(403);
    const audit = await api('GET', `/api/v1/audit/caller-number-reads?callId=${callId}`, { as: 'supervisor' });
    expect(audit.status).toBe(200);
    expect(audit.body.reads).toEqual([
      { readId: read.body.readId, callId, callerMasked, reason: '来电中断回拨', reader: { userId: 'operator-test', name: 'operator-test', role: 'operator', unitId: 'city' }, readAt: read.body.readAt },
    ]);

    // the number is nowhere in clear: not in the call, not in the audit trail
    const db = mongo.db(`${runId}_hotline`);
    expect(JSON.stringify(await db.collection('calls').findOne({ _id: callId as never }))).not.toContain(number);
    expect(JSON.stringify(await db.collection('caller_number_reads').find({ callId }).toArray())).not.toContain(number);
  });

  it("shows a repeat caller's earlier calls with their cases, newest first; redelivered events change nothing", async () => {
    const number = aMobile();
    const first = await logCall({ callerNumber: number, content: '楼道灯不亮' });
    const second = await logCall({ callerNumber: `+86 ${number.slice(0, 3)}-${number.slice(3, 7)}-${number.slice(7)}`, content: '楼道灯还是不亮' });
    const someoneElse = await logCall();
    const [c1, c2, c3] = [aCaseNumber(), aCaseNumber(), aCaseNumber()];
    const registrations = [await registerCase(first.callId, c1), await registerCase(second.callId, c2), await registerCase(someoneElse.callId, c3)];

    const lookup = () => api('POST', '/api/v1/callers/lookup', { body: { number } });
    const linked = await eventually(async () => {
      const res = await lookup();
      return res.body.calls?.every((c: { caseNumber?: string }) => c.caseNumber) ? res : undefined;
    }, { what: 'both calls linked to their cases' });
    expect(linked.status).toBe(200);
    expect(linked.headers.get('cache-control')).toBe('no-store');
    expect(linked.body).toMatchObject({
      callerMasked: `${number.slice(0, 3)}****${number.slice(-4)}`,
      count: 2,
      calls: [
        { callId: second.callId, caseNumber: c2, caseLink: 'registered', summary: '楼道灯还是不亮' },
        { callId: first.callId, caseNumber: c1, caseLink: 'registered' },
      ],
    });
    // the same question in the query string (the brief's form) gives the same answer
    expect((await api('GET', `/api/v1/callers/lookup?number=${number}`)).body).toEqual(linked.body);

    // redelivery: the very same event, the same registration re-sent with a new id, and another case naming the call
    await publisher.publishAll([registrations[0]]);
    const resent = await registerCase(first.callId, c1);
    const conflicting = await registerCase(first.callId, aCaseNumber());
    await consumed([registrations[0], resent, conflicting, ...registrations]);
    expect((await lookup()).body).toEqual(linked.body);
  });

  it('files calls stored before the caller and case documents under their caller and their case', async () => {
    const db = mongo.db(`${runId}_hotline`);
    expect(await db.collection('schema_migrations').findOne({ _id: callIndexesMigration.id as never })).toMatchObject({ finishedAt: expect.any(Date) }); // ran at start
    const number = aMobile();
    const caseNumber = aCaseNumber();
    const [older, newer] = [`legacy-a-${runId}`, `legacy-b-${runId}`];
    const legacy = (id: string, minutesAgo: number, kind: 'registered' | 'merged') => ({
      _id: id, receivedAt: new Date(Date.now() - minutesAgo * 60_000), callerHash: app.get(PiiProtector).hash('phone', number), callerEncrypted: 'sealed',
      callerMasked: '138****0000', content: '旧来电 an old call', requestType: 'complaint', urgency: 'normal', operatorId: 'op-old', caseLink: { caseNumber, kind, linkedAt: new Date() },
    });
    await db.collection('calls').insertMany([legacy(newer, 5, 'merged'), legacy(older, 10, 'registered')] as never[]);

    expect(await callIndexesMigration.run(db as never)).toMatch(/calls filed under \d+ callers; \d+ under their cases$/);
    await callIndexesMigration.run(db); // again: nothing doubles
    expect((await api('POST', '/api/v1/callers/lookup', { body: { number } })).body).toMatchObject({
      count: 2,
      calls: [{ callId: newer, caseNumber, caseLink: 'merged' }, { callId: older, caseNumber, caseLink: 'registered' }],
    });
    expect(await db.collection('calls_by_case').findOne({ _id: caseNumber as never })).toEqual({ _id: caseNumber, registered: older, merged: [newer] });
  });

  it('answers an inquiry on the spot from the knowledge base and announces the direct answer', async () => {
    const search = await api('GET', `/api/v1/knowledge/search?q=${encodeURIComponent('社保卡丢了怎么补办')}`);
    expect(search.status).toBe(200);
    const article = search.body.results[0];
    expect(article).toMatchObject({ articleId: 'kb-social-security-card-reissue', categoryCode: '1104', titleEn: expect.any(String) });

    const call = await api('POST', '/api/v1/calls', {
      body: { callerNumber: aMobile(), content: '社保卡丢了怎么补办', requestType: 'inquiry', answeredWithArticleId: article.articleId },
    });
    expect(call.status).toBe(202);
    expect(call.body).toMatchObject({ categoryCode: '1104', answeredDirectly: { articleId: article.articleId } });
    const logged = await probe.waitForEvent(callLoggedV1.type, (e) => e.key === call.body.callId);
    expect(logged.data).toMatchObject({ categoryCode: '1104', requestType: 'inquiry', answeredDirectly: { articleId: article.articleId, answer: article.answer } });

    const notAnInquiry = await api('POST', '/api/v1/calls', {
      body: { callerNumber: aMobile(), content: '投诉', requestType: 'complaint', address: 'x', answeredWithArticleId: article.articleId },
    });
    expect(notAnInquiry.body.errors).toEqual([{ field: 'answeredWithArticleId', code: 'custom', reason: '一次办结只适用于咨询' }]);
    const unknown = await api('POST', '/api/v1/calls', { body: { callerNumber: aMobile(), content: '咨询', requestType: 'inquiry', answeredWithArticleId: 'kb-nothing' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('answeredWithArticleId');
  });

  it('logs a call once however often its form is sent (idempotency key), and carries the operator’s choice of an open case', async () => {
    const key = `form-test-${runId}`.slice(0, 40);
    const body = { callerNumber: aMobile(), content: '楼道灯不亮 joins an open case', requestType: 'complaint', address: '阳光社区3号楼', joinCaseNumber: '20261207-000042' };
    // a double Ctrl+Enter: two sends at once, then a third after the answer
    const [first, second] = await Promise.all([
      api('POST', '/api/v1/calls', { body, headers: { 'idempotency-key': key } }),
      api('POST', '/api/v1/calls', { body, headers: { 'idempotency-key': key } }),
    ]);
    const third = await api('POST', '/api/v1/calls', { body, headers: { 'idempotency-key': key } });
    const callIds = [first, second, third].map((r) => r.body.callId);
    expect(new Set(callIds).size).toBe(1);
    expect([first, second, third].map((r) => r.status).sort()).toEqual([200, 200, 202]);
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(await mongo.db(`${runId}_hotline`).collection('calls').countDocuments({ idempotencyKey: key })).toBe(1);
    const logged = await probe.waitForEvent(callLoggedV1.type, (e) => e.key === callIds[0]);
    expect(logged.data).toMatchObject({ joinCaseNumber: '20261207-000042' });
    // another operator cannot take the key over; a key of the wrong shape is a 400 naming the header
    const otherOperator = await api('POST', '/api/v1/calls', { body, headers: { 'idempotency-key': key, authorization: await bearerFor('operator', 'city', 'operator-2') } });
    expect(otherOperator.status).toBe(409);
    const malformed = await api('POST', '/api/v1/calls', { body, headers: { 'idempotency-key': 'no spaces allowed' } });
    expect(malformed.body.errors).toEqual([{ field: 'Idempotency-Key', reason: '幂等键须为8–64位字母、数字、- 或 _' }]);
  });

  it('takes the telephony system’s calls (来电弹屏): the operator it rings at reads the number, the recording goes with the logged call', async () => {
    const callRef = `cti-${runId}`;
    const number = aMobile();
    const telephony = (event: string, key: string | null = TELEPHONY_KEY, extra: Record<string, unknown> = {}) =>
      fetch(`${url}/api/v1/telephony/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'x-telephony-key': key } : {}) }, body: JSON.stringify({ event, callRef, callerNumber: number, agent: 'operator-test', ...extra }) });
    expect((await telephony('ringing', null)).status).toBe(401);
    expect((await telephony('ringing', 'not-the-key-of-this-city')).status).toBe(401);
    expect((await telephony('ringing')).status).toBe(202);
    const ringing = await probe.waitForEvent(telephonyCallV1.type, (e) => e.key === callRef && (e.data as { state: string }).state === 'ringing');
    expect(ringing.data).toMatchObject({ agentUserId: 'operator-test', callerMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) });
    expect(JSON.stringify(ringing.data)).not.toContain(number); // the number itself never travels on Kafka
    expect((await telephony('answered')).status).toBe(202);
    // only the operator it rings at reads the number
    expect((await api('GET', `/api/v1/telephony/calls/${callRef}`)).body).toMatchObject({ callerNumber: number, state: 'answered' });
    expect((await api('GET', `/api/v1/telephony/calls/${callRef}`, { headers: { authorization: await bearerFor('operator', 'city', 'operator-2') } })).status).toBe(404);
    // logged during the call, the recording reported at hang-up lands on it
    const logged = await api('POST', '/api/v1/calls', { body: { callerNumber: number, content: '弹屏登记 screen-pop call', requestType: 'complaint', address: '阳光社区3号楼', telephonyCallRef: callRef } });
    expect(logged.status).toBe(202);
    expect((await telephony('hung-up', TELEPHONY_KEY, { recordingRef: `rec://cti/${callRef}.wav` })).status).toBe(202);
    await probe.waitForEvent(telephonyCallV1.type, (e) => e.key === callRef && (e.data as { state: string }).state === 'hung-up');
    expect(await mongo.db(`${runId}_hotline`).collection('calls').findOne({ _id: logged.body.callId })).toMatchObject({ telephonyCallRef: callRef, recordingRef: `rec://cti/${callRef}.wav` });
  });

  it('lets administrators create, edit and retire knowledge articles', async () => {
    const draft = {
      articleId: `kb-bulky-waste-${runId}`,
      titleZh: '大件垃圾怎么预约清运',
      titleEn: 'Booking the collection of bulky waste',
      categoryCode: '0205',
      keywords: ['大件垃圾', '旧家具', '清运预约'],
      answer: '旧沙发、床垫等大件垃圾请联系物业或社区预约清运,不要堆放在楼道。',
    };
    expect((await api('POST', '/api/v1/knowledge/articles', { body: draft })).status).toBe(403);
    const wrongCategory = await api('POST', '/api/v1/knowledge/articles', { as: 'admin', body: { ...draft, categoryCode: '0208' } });
    expect(wrongCategory.status).toBe(400);
    expect(wrongCategory.body.errors[0].field).toBe('categoryCode');

    const created = await api('POST', '/api/v1/knowledge/articles', { as: 'admin', body: draft });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ articleId: draft.articleId, version: 1, status: 'published', category: { zh: '垃圾分类' } });
    expect((await api('POST', '/api/v1/knowledge/articles', { as: 'admin', body: draft })).status).toBe(409);
    const found = await api('GET', `/api/v1/knowledge/search?q=${encodeURIComponent('旧家具怎么扔')}`);
    expect(found.body.results[0].articleId).toBe(draft.articleId);

    const { articleId: _id, ...content } = draft;
    const edited = await api('PUT', `/api/v1/knowledge/articles/${draft.articleId}`, { as: 'admin', body: { ...content, answer: `${draft.answer}部分街道每月第一个周六集中收运。`, version: 1 } });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    const stale = await api('PUT', `/api/v1/knowledge/articles/${draft.articleId}`, { as: 'admin', body: { ...content, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toMatchObject({ code: 'stale-version' });

    expect((await api('DELETE', `/api/v1/knowledge/articles/${draft.articleId}`, { as: 'admin' })).status).toBe(204);
    expect((await api('DELETE', `/api/v1/knowledge/articles/${draft.articleId}`, { as: 'admin' })).status).toBe(204);
    const after = await api('GET', `/api/v1/knowledge/search?q=${encodeURIComponent('旧家具怎么扔')}`);
    expect(after.body.results.map((r: { articleId: string }) => r.articleId)).not.toContain(draft.articleId);
    expect((await api('GET', `/api/v1/knowledge/articles/${draft.articleId}`)).body).toMatchObject({ status: 'retired', version: 3 });
    const withRetired = await api('POST', '/api/v1/calls', { body: { callerNumber: aMobile(), content: '大件垃圾', requestType: 'inquiry', answeredWithArticleId: draft.articleId } });
    expect(withRetired.status).toBe(400);
  });

  it('turns case.resolved into a callback task, publishes every attempt, and lets the case say when the citizen is unreachable', async () => {
    const callbackProbe = await new EventProbe(kafka, [callbackRecordedV1.topic], `probe-callbacks-${runId}`).start();
    try {
      const { callId, callerMasked } = await logCall();
      const [reachedCase, unreachableCase] = [aCaseNumber(), aCaseNumber()];
      const registered = await registerCase(callId, reachedCase);
      const resolved = await resolveCase(reachedCase, new Date(Date.now() + 2 * 86_400_000));
      const resolvedSooner = await resolveCase(unreachableCase, new Date(Date.now() + 86_400_000));

      const pending = async () => (await api('GET', '/api/v1/callbacks?status=pending')).body.callbacks as Array<Record<string, any>>;
      const tasks = await eventually(async () => {
        const list = await pending();
        return [reachedCase, unreachableCase].every((n) => list.some((t) => t.caseNumber === n)) ? list : undefined;
      }, { what: 'two callback tasks' });
      const task = tasks.find((t) => t.caseNumber === reachedCase)!;
      expect(task).toMatchObject({ status: 'pending', callId, callerMasked, level: 'community', attemptCount: 0, overdue: false });
      // soonest due first
      expect(tasks.findIndex((t) => t.caseNumber === unreachableCase)).toBeLessThan(tasks.findIndex((t) => t.caseNumber === reachedCase));

      // redelivery: the same event and the same resolution re-sent with a new id make no second task
      await publisher.publishAll([resolved]);
      const resent = await publisher.publish(caseResolvedV1, { key: reachedCase, correlationId: reachedCase, data: resolved.data as never });
      await consumed([registered, resolved, resolvedSooner, resent]);
      expect(await mongo.db(`${runId}_hotline`).collection('callback_tasks').countDocuments({ caseNumber: reachedCase })).toBe(1);

      const result = (id: string, body: unknown) => api('POST', `/api/v1/callbacks/${id}/result`, { body });
      const withoutSatisfaction = await result(task.callbackId, { reached: true });
      expect(withoutSatisfaction.status).toBe(400);
      expect(withoutSatisfaction.body.errors).toEqual([{ field: 'satisfaction', code: 'custom', reason: '已联系到市民时必须登记满意度' }]);
      expect((await api('POST', `/api/v1/callbacks/${task.callbackId}/result`, { as: 'supervisor', body: { reached: false } })).status).toBe(403);
      expect((await result('no-such-callback', { reached: false })).status).toBe(404);

      const recorded = await result(task.callbackId, { reached: true, satisfaction: 'satisfied', resolved: true, comment: '路灯已亮' });
      expect(recorded.status).toBe(200);
      expect(recorded.body).toMatchObject({ status: 'recorded', outcome: { reached: true, satisfaction: 'satisfied', resolved: true } });
      const event = await callbackProbe.waitForEvent(callbackRecordedV1.type, (e) => e.key === reachedCase);
      expect(event.id).toBe(`${task.callbackId}:attempt-1`);
      expect(event.data).toMatchObject({ attempt: 1, callbackId: task.callbackId, caseNumber: reachedCase, reached: true, satisfaction: 'satisfied', resolved: true, comment: '路灯已亮' });
      expect(event).toMatchObject({ causationId: resolved.id, correlationId: reachedCase, actor: { userId: 'operator-test' } });

      const again = await result(task.callbackId, { reached: true, satisfaction: 'unsatisfied' });
      expect(again.status).toBe(409);
      expect(again.body.reason).toMatchObject({ code: 'callback-already-recorded' });

      // not reached: every attempt is a fact on Kafka and the task stays pending — the hotline does not count
      const unreachable = tasks.find((t) => t.caseNumber === unreachableCase)!;
      expect(unreachable.callId).toBeUndefined(); // no hotline call became this case
      expect((await result(unreachable.callbackId, { reached: false, satisfaction: 'satisfied' })).status).toBe(400);
      expect((await result(unreachable.callbackId, { reached: false, comment: '无人接听' })).body).toMatchObject({ status: 'pending', attemptCount: 1 });
      expect((await result(unreachable.callbackId, { reached: false })).body).toMatchObject({ status: 'pending', attemptCount: 2 });
      expect((await result(unreachable.callbackId, { reached: false, comment: '关机' })).body).toMatchObject({ status: 'pending', attemptCount: 3 });
      const attempts = await eventually(async () => {
        const seen = callbackProbe.messages.filter((m) => m.key === unreachableCase).map((m) => m.event!);
        return seen.length >= 3 ? seen : undefined;
      }, { what: 'three attempts on Kafka' });
      expect(attempts.map((e) => [e.id, (e.data as { attempt?: number }).attempt, (e.data as { reached: boolean }).reached])).toEqual([1, 2, 3].map((n) => [`${unreachable.callbackId}:attempt-${n}`, n, false]));
      expect(attempts[2].data).toMatchObject({ comment: '关机' });
      expect(await mongo.db(`${runId}_hotline`).collection('callback_tasks').findOne({ _id: unreachable.callbackId })).toMatchObject({ publishedAttempts: 3, attemptsPending: false });

      // the case's rule decides: its closing as unreachable settles the task, which then refuses more
      const closed = await publisher.publish(caseClosedV1, {
        key: unreachableCase,
        correlationId: unreachableCase,
        data: { caseNumber: unreachableCase, sequence: 9, occurredAt: new Date().toISOString(), stage: 'closed', level: 'community', unitId: 'community-yangguang', sla: null, reason: 'callback-unreachable', note: '3 次回访未接通 unreachable' },
      });
      await consumed([closed]);
      const settled = (await api('GET', '/api/v1/callbacks?status=unreachable')).body.callbacks.find((t: { caseNumber: string }) => t.caseNumber === unreachableCase);
      expect(settled).toMatchObject({ status: 'unreachable', attemptCount: 3, outcome: { reached: false, comment: expect.stringContaining('3 次回访未能联系到市民') } });
      expect((await result(unreachable.callbackId, { reached: false })).status).toBe(409);
      expect(callbackProbe.messages.filter((m) => m.key === unreachableCase)).toHaveLength(3);
      expect((await pending()).map((t) => t.caseNumber)).not.toEqual(expect.arrayContaining([reachedCase]));
      expect((await api('GET', '/api/v1/callbacks?status=unreachable')).body.callbacks.map((t: { caseNumber: string }) => t.caseNumber)).toContain(unreachableCase);
      expect((await api('GET', '/api/v1/callbacks?status=recorded')).body.callbacks.map((t: { caseNumber: string }) => t.caseNumber)).toContain(reachedCase);
    } finally {
      await callbackProbe.stop();
    }
  });

  it('lists callbacks by status with point reads by _id, soonest due first, also tasks stored before the lists (migration)', async () => {
    const db = mongo.db(`${runId}_hotline`);
    expect(await db.collection('schema_migrations').findOne({ _id: callbackListsMigration.id as never })).toMatchObject({ finishedAt: expect.any(Date) }); // ran at start
    const [later, sooner] = [aCaseNumber(), aCaseNumber()];
    await consumed([await resolveCase(later, new Date(Date.now() + 5 * 86_400_000)), await resolveCase(sooner, new Date(Date.now() + 4 * 86_400_000))]);
    const pending = async () => ((await api('GET', '/api/v1/callbacks?status=pending&limit=200')).body.callbacks as { caseNumber: string }[]).map((t) => t.caseNumber);
    const before = await eventually(async () => {
      const list = await pending();
      return list.includes(later) && list.includes(sooner) ? list : undefined;
    }, { what: 'both tasks on the pending list' });
    expect(before.indexOf(sooner)).toBeLessThan(before.indexOf(later));

    // what the read asks the store: only documents by _id, never a filter over every callback task
    const reads: { collection: string; method: string; filter: Record<string, unknown> }[] = [];
    const READS = ['find', 'findOne', 'aggregate', 'countDocuments', 'distinct'];
    mongoose.set('debug', (collection: string, method: string, filter: Record<string, unknown>) => reads.push({ collection, method, filter }));
    try {
      await pending();
    } finally {
      mongoose.set('debug', false);
    }
    // reads only: the projection may be writing (by _id) meanwhile
    const ofTasks = reads.filter((r) => READS.includes(r.method)).filter((r) => r.collection === 'callback_tasks' || r.collection === 'callback_lists');
    expect(ofTasks.length).toBeGreaterThan(2);
    expect(ofTasks.filter((r) => r.method !== 'findOne' || Object.keys(r.filter).join() !== '_id' || typeof r.filter._id !== 'string')).toEqual([]);

    await db.collection('callback_lists').deleteMany({}); // a deployment from before the lists
    expect(await pending()).toEqual([]);
    expect(await callbackListsMigration.run(db as never)).toMatch(/^\d+ callback tasks filed in \d+ lists$/);
    await callbackListsMigration.run(db); // again: nothing doubles
    expect(await pending()).toEqual(before);
  });

  it('announces a call without waiting for the notification directory: the caller’s contact follows beside it, from its own due list', async () => {
    directory.hold(); // notification is slow: it takes nothing for now
    try {
      const callerNumber = aMobile();
      const { callId } = await logCall({ callerNumber }); // answered 202 while the directory holds
      await probe.waitForEvent(callLoggedV1.type, (e) => e.key === callId); // and announced
      const stored = () => mongo.db(`${runId}_hotline`).collection('calls').findOne({ _id: callId as never });
      expect(await stored()).toMatchObject({ announcePending: false, contactPending: true });
      const callerRef = (await stored())!.callerHash as string;
      expect(directory.contacts.has(callerRef)).toBe(false);
      // remembered in the contacts' queue (a document by _id), so a stopped process's sweep still registers it
      expect(await mongo.db(`${runId}_hotline`).collection('due_work').countDocuments({ queue: 'caller-contacts', ids: callId })).toBe(1);

      directory.answerNow();
      await eventually(async () => (directory.contacts.get(callerRef)?.phone === callerNumber ? true : undefined), { what: 'the contact in the directory' });
      await eventually(async () => ((await stored())?.contactPending === false ? true : undefined), { what: 'the contact settled' });
    } finally {
      directory.answerNow();
    }
  });

  it('a call declining SMS notices sends no contact anywhere', async () => {
    const { callId } = await logCall({ notifyBySms: false });
    await probe.waitForEvent(callLoggedV1.type, (e) => e.key === callId);
    const stored = await mongo.db(`${runId}_hotline`).collection('calls').findOne({ _id: callId as never });
    expect(stored).toMatchObject({ contactPending: false });
    expect(directory.contacts.has(stored!.callerHash as string)).toBe(false);
  });

  it('sends what a failed publish left behind: the outbox announces a stored call once, found in its due list', async () => {
    // a call stored a minute ago by a process that died before announcing it: flagged, and remembered by the outbox
    const callId = `outbox-${runId}`;
    const receivedAt = new Date(Date.now() - 60_000);
    await new MongoDueList(app.get(getModelToken(DUE_WORK_MODEL)), { queue: 'outbox' }).add([`call:${callId}`], receivedAt, receivedAt);
    await mongo.db(`${runId}_hotline`).collection('calls').insertOne({
      _id: callId as never, receivedAt, callerHash: 'h'.repeat(64), callerEncrypted: 'sealed', callerMasked: '138****0000',
      content: '井盖缺失', requestType: 'tip-off', urgency: 'high', address: '幸福路12号', operatorId: 'operator-test', operatorRole: 'operator', announcePending: true,
    });
    const outbox = app.get(HotlineOutbox);
    expect(await outbox.sweepOnce()).toBeGreaterThanOrEqual(1); // (and any earlier call whose bucket is ready)
    const relayed = await probe.waitForEvent(callLoggedV1.type, (e) => e.key === callId);
    expect(relayed).toMatchObject({ id: `${callId}:logged`, data: { callId, receivedAt: receivedAt.toISOString(), requestType: 'tip-off', urgency: 'high' } });
    expect(await mongo.db(`${runId}_hotline`).collection('calls').findOne({ _id: callId as never })).toMatchObject({ announcePending: false });
    expect(await mongo.db(`${runId}_hotline`).collection('due_work').countDocuments({ ids: `call:${callId}` })).toBe(0); // done, forgotten
  });

  it('moves callback tasks of the old shape over: the attempts the case never saw are published by the outbox', async () => {
    const db = mongo.db(`${runId}_hotline`);
    expect(await db.collection('schema_migrations').findOne({ _id: callbackAttemptsMigration.id as never })).toMatchObject({ finishedAt: expect.any(Date) }); // ran at start
    const old = Date.now() - 60_000;
    const attempt = (minute: number, reached = false) => ({ at: new Date(old + minute * 1000), operatorId: 'op-old', reached });
    const legacy = (id: string, status: string, attempts: object[], extra: object = {}) => ({
      _id: id, caseNumber: id.slice(0, 15), resolvedAt: new Date(old), level: 'community', unitId: 'c', summary: 's', dueAt: new Date(old), createdAt: new Date(old),
      correlationId: id, resolvedEventId: `${id}:resolved`, status, attemptCount: attempts.length, attempts, ...extra,
    });
    const stuck = `${aCaseNumber()}-${old}`; // the old rule published one "not reached" after three calls: the case saw one
    const waiting = `${aCaseNumber()}-${old}`; // two unanswered calls the old rule never published
    const answered = `${aCaseNumber()}-${old}`; // the answer is on Kafka: nothing to add
    await db.collection('callback_tasks').insertMany([
      legacy(stuck, 'unreachable', [attempt(1), attempt(2), attempt(3)], { outcome: { reached: false, recordedAt: new Date(old), operatorId: 'op-old' }, outcomePending: false }),
      legacy(waiting, 'pending', [attempt(1), attempt(2)]),
      legacy(answered, 'recorded', [attempt(1), attempt(2, true)], { outcome: { reached: true, satisfaction: 'satisfied', recordedAt: new Date(old), operatorId: 'op-old' }, outcomePending: false }),
    ] as never[]);

    expect(await callbackAttemptsMigration.run(db as never)).toMatch(/^3 callback tasks moved .* 2 have attempts to publish$/);
    expect(await callbackAttemptsMigration.run(db as never)).toMatch(/^0 callback tasks/); // again: nothing left to do
    expect(await db.collection('callback_tasks').findOne({ _id: answered as never })).toMatchObject({ publishedAttempts: 2, attemptsPending: false });
    expect(await db.collection('callback_tasks').findOne({ _id: stuck as never })).not.toHaveProperty('outcomePending');
    expect(await db.collection('callback_by_case').findOne({ _id: waiting.slice(0, 15) as never })).toMatchObject({ callbackId: waiting });

    const callbackProbe = await new EventProbe(kafka, [callbackRecordedV1.topic], `probe-migrated-${runId}`).start();
    try {
      // what the first start after the migration does: the flagged tasks go to the outbox, whose sweep publishes them
      const outbox = app.get(HotlineOutbox);
      expect(await outbox.rememberFlagged()).toBeGreaterThanOrEqual(2);
      const inAMinute = () => new Date(Date.now() + 60_000);
      expect(await outbox.sweepOnce(inAMinute())).toBeGreaterThanOrEqual(2);
      const sent = await eventually(async () => {
        const ids = callbackProbe.messages.map((m) => m.event?.id ?? '').filter((id) => [stuck, waiting, answered].some((task) => id.startsWith(task)));
        return ids.length >= 4 ? ids.sort() : undefined;
      }, { what: 'the migrated attempts on Kafka' });
      expect(sent).toEqual([`${stuck}:attempt-2`, `${stuck}:attempt-3`, `${waiting}:attempt-1`, `${waiting}:attempt-2`].sort());
      expect(await db.collection('callback_tasks').findOne({ _id: stuck as never })).toMatchObject({ publishedAttempts: 3, attemptsPending: false });
      await outbox.sweepOnce(inAMinute()); // again: nothing of these tasks is sent twice
      await new Promise((r) => setTimeout(r, 500));
      expect(callbackProbe.messages.filter((m) => [stuck, waiting, answered].some((task) => (m.event?.id ?? '').startsWith(task)))).toHaveLength(4);
    } finally {
      await callbackProbe.stop();
    }
  });
});
