// Notifications on the real servers: events published on Kafka → the notification service plans deliveries in
// FerretDB → inboxes, the SMS sink and the SSE stream; redelivery changes nothing; quiet hours hold an SMS.
// The service clock is set through NOTIFICATION_CLOCK_START so the outcome does not depend on the hour the
// test runs: 10:00 China time for the daytime service, 23:30 for the night one.
import { randomInt } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import {
  callLoggedV1, caseDepartmentsSummonedV1, caseDispatchedV1, caseExtensionDecidedV1, caseExtensionRequestedV1, caseRegisteredV1, caseResolvedV1,
  deadLetterTopicName, disputeOpenedV1, duplicateMergedV1, EventContract, EventData, EventEnvelope, manualDispatchQueuedV1, mediatorAssignedV1, Role,
  notificationDeliveredV1, sessionReminderV1,
} from '@civicflow/contracts';
import { getModelToken } from '@nestjs/mongoose';
import { createKafka, DLT_HEADERS, DUE_WORK_MODEL, EventPublisher, MongoDueList } from '@civicflow/platform';
import { bearerFor, EventProbe, eventually, integrationConfig, uniqueId } from '@civicflow/testing';
import { CLOCK, Clock, createNotificationApp, DeliveryQueue, MongoRecipientDirectory, notificationConfigSchema } from '@civicflow/notification';
import mongoose from 'mongoose';
import { inboxListsMigration, unreadByDayMigration } from '../src/migrations/inbox-lists.migration';
import { sinkListsMigration } from '../src/migrations/sink-lists.migration';
import { deliveryListsMigration } from '../src/migrations/delivery-lists.migration';
import { directoryRoleListsMigration } from '../src/migrations/directory-role-lists.migration';

const runId = uniqueId();
const group = `notification-${runId}`;
const settings = {
  KAFKA_FROM_BEGINNING: 'false',
  NOTIFICATION_SEED_DEMO_DIRECTORY: 'false',
  NOTIFICATION_STREAM_POLL_MS: '300',
  NOTIFICATION_RETRY_BASE_MS: '200',
};
const env = integrationConfig({ ...settings, MONGO_DB_PREFIX: runId, NOTIFICATION_CONSUMER_GROUP: group, NOTIFICATION_CLOCK_START: '2026-03-10T10:00:00+08:00' });

const STREET = 'bf-d01-s01';
const COMMUNITY = 'bf-d01-s01-c01';
const ORG_PATH = ['bf', 'bf-d01', 'bf-d01-s01', COMMUNITY, `${COMMUNITY}-g01`];
const user = (name: string) => `${name}-${runId}`;
const caller = (n: number) => `caller-${runId}-${n}`;
/** A fresh case number per test, so this run never meets an earlier run's messages on the shared topics. */
const newCaseNumber = () => `20260310-${String(randomInt(1_000_000)).padStart(6, '0')}`;

type DeliveryView = { id: string; channel: string; recipient: { kind: string; id: string }; status: string; attempts: number; nextAttemptAt?: string; eventType: string };
type SinkView = { channel: string; to: string; text: string; template: string; payload?: { touser: string; template_id: string } };
type InboxView = { unread: number; items: { id: string; caseNumber?: string; title: string; body: string; read: boolean; eventType: string; link?: string }[] };

describe('notification: events → inboxes, SMS sink and SSE stream', () => {
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let mongo: MongoClient;
  let dlt: EventProbe;
  const apps: INestApplication[] = [];
  const databases = [`${runId}_notification`];

  async function startService(config: Record<string, unknown>) {
    const started = await createNotificationApp(notificationConfigSchema.parse(config));
    await started.startAllMicroservices();
    await started.listen(0, '127.0.0.1');
    apps.push(started);
    return { app: started, url: await started.getUrl() };
  }

  const call = async (base: string, method: string, path: string, token: string | undefined, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(token ? { authorization: token } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) };
  };
  const asAdmin = () => bearerFor('admin', 'bf', user('admin'));
  const asSupervisor = () => bearerFor('supervisor', 'bf', user('supervisor'));
  const as = (role: Role, unitId: string, name: string) => bearerFor(role, unitId, user(name));

  async function registerDirectory(base: string) {
    const admin = await asAdmin();
    const users: [string, Role, string, Record<string, string>][] = [
      ['liu', 'community-handler', COMMUNITY, {}],
      ['ma', 'community-handler', COMMUNITY, { locale: 'en' }],
      ['li', 'dispatcher', 'bf', {}],
      ['sun', 'department-liaison', 'dept-urban-management', {}],
      ['qian', 'department-liaison', 'dept-water-affairs', { locale: 'en' }],
      ['zhou', 'supervisor', 'bf', {}],
      ['chen', 'mediator', COMMUNITY, {}],
    ];
    for (const [name, role, unitId, extra] of users) {
      expect((await call(base, 'PUT', `/api/v1/directory/users/${user(name)}`, admin, { name, role, unitId, ...extra })).status).toBe(200);
    }
    expect((await call(base, 'PUT', `/api/v1/directory/citizens/${caller(1)}`, admin, { phone: '13900001111', wechatOpenId: `oWx-${runId}` })).status).toBe(200);
    expect((await call(base, 'PUT', `/api/v1/directory/citizens/${caller(2)}`, admin, { phone: '13900002222', locale: 'en' })).status).toBe(200);
    expect((await call(base, 'PUT', `/api/v1/directory/units/${COMMUNITY}`, admin, { zh: '阳光社区', en: 'Yangguang Community' })).status).toBe(200);
  }

  const publish = <C extends EventContract>(contract: C, key: string, data: EventData<C>, id?: string) =>
    publisher.publish(contract, { key, correlationId: key, data, id });

  const deliveriesOf = async (caseNumber: string, base = url) => {
    const res = await call(base, 'GET', `/api/v1/notifications?caseNumber=${caseNumber}`, await asSupervisor());
    expect(res.status).toBe(200);
    return (res.body as { deliveries: DeliveryView[] }).deliveries;
  };
  const sinkOf = async (caseNumber: string, base = url) =>
    ((await call(base, 'GET', `/api/v1/sink/messages?caseNumber=${caseNumber}`, await asSupervisor())).body as { messages: SinkView[] }).messages;
  const inboxOf = async (token: string) => (await call(url, 'GET', '/api/v1/inbox', token)).body as InboxView;

  /** Waits until this service's consumer group has handled the event (the platform's processed-events store). */
  const handled = (event: EventEnvelope, database = `${runId}_notification`, consumerGroup = group) =>
    eventually(async () => (await mongo.db(database).collection('processed_events').findOne({ _id: `${consumerGroup}:${event.id}` as never })) ?? undefined, {
      what: `${event.type} ${event.id} handled by ${consumerGroup}`,
    });

  /** A hotline call whose caller the service has learned, so case.registered finds the caller's contact. */
  async function loggedCall(callerRef: string, database?: string, consumerGroup?: string) {
    const callId = `call-${uniqueId()}`;
    const logged = await publish(callLoggedV1, callId, {
      callId, receivedAt: '2026-03-10T01:59:00Z', callerRef, callerMasked: '139****1111', content: '路灯不亮', requestType: 'complaint', urgency: 'normal',
    });
    await handled(logged, database, consumerGroup);
    return callId;
  }

  const registered = (caseNumber: string, callId: string, urgency: 'normal' | 'urgent' = 'normal') =>
    publish(caseRegisteredV1, caseNumber, {
      caseNumber, channel: 'hotline', sourceRef: callId, requestType: 'complaint', urgency, categoryCode: '0501',
      intakeStatus: 'routed', orgPath: ORG_PATH, registeredAt: '2026-03-10T02:00:00Z',
    }, `${caseNumber}:registered`);

  beforeAll(async () => {
    kafka = createKafka(`test-${runId}`, env);
    publisher = new EventPublisher(kafka, 'test');
    mongo = await new MongoClient(env.MONGO_URL).connect();
    dlt = await new EventProbe(
      kafka, [callLoggedV1.topic, caseRegisteredV1.topic, duplicateMergedV1.topic, sessionReminderV1.topic].map(deadLetterTopicName), `probe-${runId}`,
    ).start();
    ({ app, url } = await startService(env));
    await registerDirectory(url);
  });

  afterAll(async () => {
    await dlt?.stop();
    for (const started of apps.reverse()) await started.close();
    await publisher?.disconnect();
    for (const database of databases) await mongo?.db(database).dropDatabase();
    await mongo?.close();
  });

  it('case.registered: the caller gets an SMS (in the sink) and a WeChat message, found through the hotline call', async () => {
    const caseNumber = newCaseNumber();
    const callId = await loggedCall(caller(1));
    await handled(await registered(caseNumber, callId));

    const deliveries = await eventually(async () => {
      const found = await deliveriesOf(caseNumber);
      return found.length === 2 && found.every((d) => d.status === 'sent') ? found : undefined;
    }, { what: 'SMS and WeChat sent' });
    expect(deliveries.map((d) => [d.channel, d.recipient])).toEqual([
      ['sms', { kind: 'citizen', id: caller(1) }],
      ['wechat', { kind: 'citizen', id: caller(1) }],
    ]);
    expect(deliveries[0]).toMatchObject({ eventType: 'case.registered', attempts: 1 });

    const sink = await sinkOf(caseNumber);
    const sms = sink.find((m) => m.channel === 'sms')!;
    expect(sms.to).toBe('139****1111'); // masked in the API
    expect(sms.text).toMatch(new RegExp(`^您反映的“.+”问题已受理，编号${caseNumber}，将由阳光社区办理。`));
    const wechat = sink.find((m) => m.channel === 'wechat')!;
    expect(wechat.payload).toMatchObject({ touser: `oWx-****${runId.slice(-4)}`, // the sink keeps the openid masked
      template_id: 'local:case-registered.citizen', data: { keyword1: { value: caseNumber } } });
  });

  it('merged duplicate and resolution: the extra reporter hears in English, both hear the outcome, the community in its inbox', async () => {
    const caseNumber = newCaseNumber();
    await handled(await registered(caseNumber, await loggedCall(caller(1))));
    await handled(await publish(duplicateMergedV1, caseNumber, {
      masterCaseNumber: caseNumber, channel: 'hotline', sourceRef: `call-${uniqueId()}`, reporterRef: caller(2), distanceMeters: 35,
    }));
    const merged = await eventually(async () => (await sinkOf(caseNumber)).find((m) => m.to === '139****2222'), { what: 'merge SMS' });
    expect(merged.text).toBe(`Your report joined case ${caseNumber} (same problem already reported). You will hear the outcome.`);

    const resolved = await publish(caseResolvedV1, caseNumber, {
      caseNumber, resolvedAt: '2026-03-11T02:00:00Z', level: 'community', unitId: COMMUNITY,
      summary: '已更换灯头并检修线路，恢复照明', callbackDueAt: '2026-03-12T02:00:00Z',
    }, `${caseNumber}:resolved`);
    await handled(resolved);

    const outcome = await eventually(async () => {
      const texts = (await sinkOf(caseNumber)).filter((m) => m.channel === 'sms' && m.template === 'case-resolved.citizen');
      return texts.length === 2 ? texts : undefined;
    }, { what: 'resolution SMS to both reporters' });
    expect(outcome.map((m) => m.to).sort()).toEqual(['139****1111', '139****2222']);
    expect(outcome.find((m) => m.to === '139****1111')!.text).toContain('已由阳光社区办结：已更换灯头并检修线路，恢复照明。2026年3月12日 10:00前将回访');

    // the inbox is immediate: there by the time the event is handled
    const liu = await inboxOf(await as('community-handler', COMMUNITY, 'liu'));
    const item = liu.items.find((i) => i.caseNumber === caseNumber)!;
    expect(item).toMatchObject({ title: `案件已办结 ${caseNumber}`, read: false });
    expect(item.body).toContain('回访截止 2026年3月12日 10:00');
    const ma = await inboxOf(await as('community-handler', COMMUNITY, 'ma'));
    expect(ma.items.find((i) => i.caseNumber === caseNumber)?.title).toBe(`Case resolved: ${caseNumber}`);
    // nobody else's inbox
    expect((await inboxOf(await as('dispatcher', 'bf', 'li'))).items.some((i) => i.caseNumber === caseNumber)).toBe(false);

    // mark read
    const liuToken = await as('community-handler', COMMUNITY, 'liu');
    const read = await call(url, 'POST', `/api/v1/inbox/${encodeURIComponent(item.id)}/read`, liuToken);
    expect(read).toMatchObject({ status: 200, body: { id: item.id, read: true } });
    const again = await call(url, 'POST', `/api/v1/inbox/${encodeURIComponent(item.id)}/read`, liuToken);
    expect((again.body as { readAt: string }).readAt).toBe((read.body as { readAt: string }).readAt); // the first reading counts
    expect((await call(url, 'POST', `/api/v1/inbox/${encodeURIComponent(item.id)}/read`, await as('community-handler', COMMUNITY, 'ma'))).status).toBe(404);

    // every delivery of the case is visible with its status, to supervisors only
    const all = await deliveriesOf(caseNumber);
    expect(all.filter((d) => d.eventType === 'case.resolved').map((d) => `${d.recipient.id}:${d.channel}:${d.status}`).sort()).toEqual(
      [`${caller(1)}:sms:sent`, `${caller(1)}:wechat:sent`, `${caller(2)}:sms:sent`, `${user('liu')}:inbox:sent`, `${user('ma')}:inbox:sent`].sort(),
    );
    expect((await call(url, 'GET', `/api/v1/notifications?caseNumber=${caseNumber}`, liuToken)).status).toBe(403);

    // a redelivered event changes nothing: the platform skips its id, and without that mark the delivery keys do
    const before = { deliveries: all.length, sink: (await sinkOf(caseNumber)).length, inbox: (await inboxOf(liuToken)).items.length };
    await publisher.publishAll([resolved]);
    await mongo.db(`${runId}_notification`).collection('processed_events').deleteOne({ _id: `${group}:${resolved.id}` as never });
    await publisher.publishAll([resolved]);
    await handled(resolved);
    await new Promise((r) => setTimeout(r, 600)); // a few polls of the sender
    expect((await deliveriesOf(caseNumber)).length).toBe(before.deliveries);
    expect((await sinkOf(caseNumber)).length).toBe(before.sink);
    expect((await inboxOf(liuToken)).items.length).toBe(before.inbox);
  });

  it('the ladder: dispatch reaches the community\'s handlers, a summons each department\'s liaison', async () => {
    const caseNumber = newCaseNumber();
    await handled(await registered(caseNumber, await loggedCall(caller(1))));
    const sla = (window: 'acceptance' | 'department-report-in', deadline: string) => ({
      window, startedAt: '2026-03-10T02:01:00Z', status: 'on-track' as const, paused: false, deadline, warningAt: null,
    });
    await handled(await publish(caseDispatchedV1, caseNumber, {
      caseNumber, sequence: 2, occurredAt: '2026-03-10T02:01:00Z', stage: 'dispatched', level: 'community', unitId: COMMUNITY,
      sla: sla('acceptance', '2026-03-10T06:01:00Z'),
      route: { streetId: STREET, communityId: COMMUNITY, gridId: `${COMMUNITY}-g01` }, assigneeUnitId: COMMUNITY, redispatch: false,
    }, `${caseNumber}:2:case.dispatched`));
    // the inbox is immediate: there by the time the event is handled
    const liu = (await inboxOf(await as('community-handler', COMMUNITY, 'liu'))).items.find((i) => i.caseNumber === caseNumber);
    expect(liu).toMatchObject({ title: `新派单待签收 ${caseNumber}`, read: false });
    expect(liu!.body).toContain('派至阳光社区，请在 2026年3月10日 14:01 前签收');
    expect((await inboxOf(await as('community-handler', COMMUNITY, 'ma'))).items.find((i) => i.caseNumber === caseNumber)?.title).toBe(`New case to accept: ${caseNumber}`);

    await handled(await publish(caseDepartmentsSummonedV1, caseNumber, {
      caseNumber, sequence: 5, occurredAt: '2026-03-10T03:00:00Z', stage: 'in-handling', level: 'department', unitId: STREET, sla: null,
      summonses: [
        { departmentId: 'dept-urban-management', summonsId: `${caseNumber}:summons:dept-urban-management:1`, sla: sla('department-report-in', '2026-03-10T07:00:00Z') },
        { departmentId: 'dept-water-affairs', summonsId: `${caseNumber}:summons:dept-water-affairs:1`, sla: sla('department-report-in', '2026-03-10T07:00:00Z') },
      ],
    }, `${caseNumber}:5:case.departments-summoned`));
    const sun = (await inboxOf(await as('department-liaison', 'dept-urban-management', 'sun'))).items.find((i) => i.caseNumber === caseNumber);
    expect(sun).toMatchObject({ title: `街道吹哨，请部门报到 ${caseNumber}` });
    expect(sun!.body).toContain('请本部门在 2026年3月10日 15:00 前报到');
    const qian = (await inboxOf(await as('department-liaison', 'dept-water-affairs', 'qian'))).items.find((i) => i.caseNumber === caseNumber);
    expect(qian?.title).toBe(`Summoned by the street: ${caseNumber}`);

    // staff only in the inbox: nothing went to the SMS sink but the registration SMS and WeChat message
    const deliveries = await deliveriesOf(caseNumber);
    expect(deliveries.filter((d) => d.eventType !== 'case.registered').map((d) => `${d.eventType}:${d.recipient.id}:${d.channel}:${d.status}`).sort()).toEqual([
      `case.departments-summoned:${user('qian')}:inbox:sent`, `case.departments-summoned:${user('sun')}:inbox:sent`,
      `case.dispatched:${user('liu')}:inbox:sent`, `case.dispatched:${user('ma')}:inbox:sent`,
    ]);
    // nobody else's inbox
    expect((await inboxOf(await as('dispatcher', 'bf', 'li'))).items.some((i) => i.caseNumber === caseNumber)).toBe(false);
  });

  it('extension: the request reaches the city\'s supervisors, the decision the community that asked', async () => {
    const caseNumber = newCaseNumber();
    await handled(await registered(caseNumber, await loggedCall(caller(1))));
    const atCommunity = (sequence: number, deadline: string) => ({
      caseNumber, sequence, occurredAt: '2026-03-11T02:00:00Z', stage: 'in-handling' as const, level: 'community' as const, unitId: COMMUNITY,
      sla: { window: 'community-handling' as const, startedAt: '2026-03-10T02:05:00Z', status: 'warning' as const, paused: false, deadline, warningAt: null },
    });
    await handled(await publish(caseExtensionRequestedV1, caseNumber, {
      ...atCommunity(4, '2026-03-13T09:00:00Z'), extra: { basis: 'working', amount: 2, unit: 'days' }, reason: '需协调物业公司维修',
    }, `${caseNumber}:4:case.extension-requested`));
    // the inbox is immediate: there by the time the event is handled
    const zhou = (await inboxOf(await as('supervisor', 'bf', 'zhou'))).items.find((i) => i.caseNumber === caseNumber);
    expect(zhou).toMatchObject({ title: `延期申请待审批 ${caseNumber}`, eventType: 'case.extension-requested', read: false });
    expect(zhou!.body).toContain('阳光社区于 2026年3月11日 10:00 申请将案件');
    expect(zhou!.body).toContain('的时限延长2个工作日，理由：需协调物业公司维修。当前时限 2026年3月13日 17:00。请审批。');

    await handled(await publish(caseExtensionDecidedV1, caseNumber, {
      ...atCommunity(5, '2026-03-17T09:00:00Z'), approved: true, extra: { basis: 'working', amount: 2, unit: 'days' },
    }, `${caseNumber}:5:case.extension-decided`));
    const ma = (await inboxOf(await as('community-handler', COMMUNITY, 'ma'))).items.find((i) => i.caseNumber === caseNumber);
    expect(ma).toMatchObject({ title: `Extension approved: ${caseNumber}` });
    expect(ma!.body).toContain('The new deadline is 17 Mar 2026, 17:00 (Beijing time).');

    const deliveries = await deliveriesOf(caseNumber);
    expect(deliveries.filter((d) => d.eventType.startsWith('case.extension')).map((d) => `${d.eventType}:${d.recipient.id}:${d.channel}:${d.status}`).sort()).toEqual([
      `case.extension-decided:${user('liu')}:inbox:sent`, `case.extension-decided:${user('ma')}:inbox:sent`,
      `case.extension-requested:${user('zhou')}:inbox:sent`,
    ]);
  });

  it('mediation: the service reads the mediation topic; a session reminder reaches the mediator, never a party', async () => {
    const disputeId = `dsp-${runId}-${randomInt(1_000_000)}`;
    const ref = { disputeId, occurredAt: '2026-03-10T02:00:00Z' };
    await handled(await publish(disputeOpenedV1, disputeId, { ...ref, disputeType: 'neighbour', communityId: COMMUNITY }));
    const chenToken = await as('mediator', COMMUNITY, 'chen');
    const opened = (await inboxOf(chenToken)).items.find((i) => i.eventType === 'mediation.dispute-opened' && i.title.includes(disputeId));
    expect(opened).toMatchObject({ title: `新纠纷待指派调解员 ${disputeId}`, link: `/disputes/${disputeId}` });
    expect(opened!.body).toBe(`阳光社区于 2026年3月10日 10:00 受理一起邻里纠纷（编号 ${disputeId}），请指派调解员。`);
    await handled(await publish(mediatorAssignedV1, disputeId, { ...ref, mediatorId: user('chen'), committeeId: `cmte-${COMMUNITY}`, level: 'community' }));

    await handled(await publish(sessionReminderV1, disputeId, {
      ...ref, sessionId: 's1', startsAt: '2026-03-11T06:30:00Z', place: '阳光社区调解室',
      attendeeIds: [`party-${runId}-1`, `party-${runId}-2`, user('liu')], mediatorId: user('chen'),
    }));
    const reminder = (await inboxOf(chenToken)).items.find((i) => i.eventType === 'mediation.session-reminder' && i.title.includes(disputeId));
    expect(reminder).toMatchObject({ title: `调解提醒 ${disputeId}`, read: false });
    expect(reminder!.body).toBe(`提醒：邻里纠纷（编号 ${disputeId}）的调解将于 2026年3月11日 14:30 在阳光社区调解室举行，请准时参加。`);
    // an attendee who is a user hears it too; the parties have no inbox and no SMS went out
    expect((await inboxOf(await as('community-handler', COMMUNITY, 'liu'))).items.some((i) => i.eventType === 'mediation.session-reminder' && i.title.includes(disputeId))).toBe(true);
    const recipients = await mongo.db(`${runId}_notification`).collection('deliveries').find({ eventType: 'mediation.session-reminder', 'message.title': `调解提醒 ${disputeId}` }).toArray();
    expect(recipients.map((d) => `${(d.recipient as { id: string }).id}:${d.channel as string}`).sort()).toEqual([`${user('chen')}:inbox`, `${user('liu')}:inbox`]);
  });

  it('manual dispatch: the city\'s dispatchers see it live on the SSE stream and in their inbox', async () => {
    const caseNumber = newCaseNumber();
    const token = await as('dispatcher', 'bf', 'li');
    const abort = new AbortController();
    const stream = await fetch(`${url}/api/v1/inbox/stream`, { headers: { authorization: token }, signal: abort.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    let received = '';
    try {
      await publish(manualDispatchQueuedV1, caseNumber, { caseNumber, reason: 'outside-every-grid' });
      await eventually(async () => {
        const { value } = await reader.read();
        received += new TextDecoder().decode(value);
        return received.includes(caseNumber) ? true : undefined;
      }, { what: 'the inbox item on the stream', intervalMs: 0 });
    } finally {
      abort.abort();
    }
    expect(received).toContain('event: inbox-item');
    const data = received.split('\n').find((line) => line.startsWith('data: ') && line.includes(caseNumber))!;
    expect(JSON.parse(data.slice('data: '.length))).toMatchObject({ caseNumber, title: `待人工派单 ${caseNumber}`, read: false });
    expect((await inboxOf(token)).items[0]).toMatchObject({ caseNumber, body: expect.stringContaining('位置不在任何网格内') });
  });

  it('the inbox and the sink read documents by _id only: newest first, unread only, the count, one read, all read, the stream; stored items filed by the migrations', async () => {
    const token = await as('dispatcher', 'bf', 'li');
    const earlier = await inboxOf(token);
    const cases = [newCaseNumber(), newCaseNumber(), newCaseNumber()];
    for (const caseNumber of cases) await handled(await publish(manualDispatchQueuedV1, caseNumber, { caseNumber, reason: 'no-location' }));
    const smsCase = newCaseNumber();
    await handled(await registered(smsCase, await loggedCall(caller(1))));
    await eventually(async () => ((await sinkOf(smsCase)).length === 2 ? true : undefined), { what: 'the SMS and WeChat message in the sink' });
    const inbox = await eventually(async () => {
      const found = await inboxOf(token);
      return cases.every((c) => found.items.some((i) => i.caseNumber === c)) ? found : undefined;
    }, { what: 'three items in the dispatcher’s inbox' });
    expect(inbox.items.slice(0, 3).map((i) => i.caseNumber)).toEqual([...cases].reverse()); // newest first
    expect(inbox.unread).toBe(earlier.unread + 3);

    const api = (method: string, path: string) => call(url, method, path, token);
    const [newest] = inbox.items;
    expect(await api('POST', `/api/v1/inbox/${newest.id}/read`)).toMatchObject({ status: 200, body: { id: newest.id, read: true } });
    const readAt = async () => ((await api('POST', `/api/v1/inbox/${newest.id}/read`)).body as { readAt: string }).readAt;
    expect(await readAt()).toBe(await readAt()); // the first reading counts
    expect((await api('POST', `/api/v1/inbox/${newest.id}-nope/read`)).status).toBe(404);
    expect((await call(url, 'POST', `/api/v1/inbox/${newest.id}/read`, await as('dispatcher', 'bf', 'someone-else'))).status).toBe(404); // nobody reads another's item

    // what the reads ask the store: only documents by _id — never a filter over every user's items or every message
    const ops: { collection: string; method: string; filter: Record<string, unknown> }[] = [];
    mongoose.set('debug', (collection: string, method: string, filter: Record<string, unknown>) => ops.push({ collection, method, filter }));
    const abort = new AbortController();
    let unreadOnly: InboxView;
    let allRead: { marked: number };
    let sink: SinkView[];
    let deliveries: DeliveryView[];
    try {
      const stream = await fetch(`${url}/api/v1/inbox/stream`, { headers: { authorization: token }, signal: abort.signal });
      expect(stream.status).toBe(200);
      unreadOnly = (await api('GET', '/api/v1/inbox?unreadOnly=true&limit=200')).body as InboxView;
      allRead = (await api('POST', '/api/v1/inbox/read-all')).body as { marked: number };
      sink = await sinkOf(smsCase);
      deliveries = await deliveriesOf(smsCase);
      await new Promise((r) => setTimeout(r, 900)); // the stream polls every 300 ms
    } finally {
      abort.abort();
      mongoose.set('debug', false);
    }
    expect(unreadOnly.items.map((i) => i.caseNumber)).toEqual(expect.arrayContaining([cases[1], cases[0]]));
    expect(unreadOnly.items.every((i) => !i.read)).toBe(true);
    expect(unreadOnly.items.map((i) => i.id)).not.toContain(newest.id);
    expect(unreadOnly.unread).toBe(earlier.unread + 2);
    expect(allRead.marked).toBe(earlier.unread + 2);
    expect(sink.map((m) => m.channel).sort()).toEqual(['sms', 'wechat']);
    expect(deliveries.map((d) => d.channel).sort()).toEqual(['sms', 'wechat']);
    const READS = ['find', 'findOne', 'aggregate', 'countDocuments', 'distinct', 'findOneAndUpdate'];
    const ofInbox = ops.filter((o) => ['inbox_items', 'inbox_lists', 'sink_messages', 'sink_lists', 'deliveries', 'delivery_lists'].includes(o.collection));
    expect(ofInbox.filter((o) => o.collection === 'inbox_lists' && o.filter._id === `items:${user('li')}@days`).length).toBeGreaterThan(1); // the list, and the stream's polls
    expect(ofInbox.filter((o) => READS.includes(o.method) && (o.method === 'find' || typeof o.filter._id !== 'string'))).toEqual([]);
    expect(ofInbox.filter((o) => !READS.includes(o.method) && (o.method.endsWith('Many') || typeof o.filter._id !== 'string'))).toEqual([]); // writes by _id, none to many
    const after = await inboxOf(token);
    expect(after.unread).toBe(0);
    expect(after.items.slice(0, 3).every((i) => i.read)).toBe(true);
    // all read: the unread days are pruned — nothing left of the unread list to read or to grow
    const db = mongo.db(`${runId}_notification`);
    const unreadDocs = async (userId: string) => (await db.collection('inbox_lists').find({ _id: { $regex: `^unread:${userId}` } as never }).toArray()).map((d) => [d._id, d.members]);
    expect(await unreadDocs(user('li'))).toEqual([[`unread:${user('li')}@days`, []]]);

    // a user's unread items stored as one growing document (before the split): the migration spreads them over one
    // document per day; the count, the unread list and mark-all-read read the days
    const old = user('old-inbox');
    const oldToken = await as('supervisor', 'bf', 'old-inbox');
    const storedAt = ['2026-11-30T09:00:00.000Z', '2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00.000Z'];
    await db.collection<{ _id: string }>('inbox_items').insertMany(storedAt.map((at, i) => ({
      _id: `old-${i}-${runId}`, userId: old, title: `旧消息 ${i}`, body: 'b', eventType: 'case.escalated', template: 't', urgent: false, read: false, createdAt: new Date(at),
    })));
    await db.collection<{ _id: string; members: string[] }>('inbox_lists').insertOne({ _id: `unread:${old}`, members: storedAt.map((at, i) => `${at}|old-${i}-${runId}`) });
    expect(await unreadByDayMigration.run(db as never)).toBe('1 unread lists split into 3 documents');
    expect(await unreadByDayMigration.run(db as never)).toBe('0 unread lists split into 0 documents'); // once
    expect((await unreadDocs(old)).map(([id, members]) => [id, (members as string[]).length])).toEqual(
      expect.arrayContaining([[`unread:${old}@2026-11-30`, 1], [`unread:${old}@2026-12-01`, 2], [`unread:${old}@days`, 2]]),
    );
    const oldInbox = (await call(url, 'GET', '/api/v1/inbox?unreadOnly=true', oldToken)).body as InboxView;
    expect(oldInbox.unread).toBe(3);
    expect(oldInbox.items.map((i) => i.title)).toEqual(['旧消息 2', '旧消息 1', '旧消息 0']);
    expect((await call(url, 'POST', '/api/v1/inbox/read-all', oldToken)).body).toEqual({ marked: 3 });
    expect((await inboxOf(oldToken)).unread).toBe(0);
    expect(await unreadDocs(old)).toEqual([[`unread:${old}@days`, []]]);

    // a deployment from before the lists: the items and messages are there, the lists not yet
    await db.collection('inbox_lists').deleteMany({});
    await db.collection('sink_lists').deleteMany({});
    await db.collection('delivery_lists').deleteMany({});
    expect(await deliveriesOf(smsCase)).toEqual([]);
    expect((await inboxOf(token)).items).toEqual([]);
    expect(await sinkOf(smsCase)).toEqual([]);
    expect(await inboxListsMigration.run(db as never)).toMatch(/^\d+ inbox list entries filed in \d+ lists, \d+ users with unread items$/);
    expect(await sinkListsMigration.run(db as never)).toMatch(/^\d+ sink messages listed under \d+ cases$/);
    expect(await deliveryListsMigration.run(db as never)).toMatch(/^\d+ deliveries listed under \d+ cases$/);
    await inboxListsMigration.run(db); // again: nothing doubles
    expect(await inboxOf(token)).toEqual(after);
    expect(await sinkOf(smsCase)).toEqual(sink);
    expect(await deliveriesOf(smsCase)).toEqual(deliveries);
  });

  it('a role\'s holders in a unit are read by _id: moved and deactivated users leave the list, and the migration files users stored before it', async () => {
    const admin = await asAdmin();
    const directory = app.get(MongoRecipientDirectory, { strict: false });
    const [unitA, unitB] = [`${runId}-unit-a`, `${runId}-unit-b`];
    const put = async (name: string, unitId: string, active = true) =>
      expect((await call(url, 'PUT', `/api/v1/directory/users/${user(name)}`, admin, { name, role: 'community-handler', unitId, active })).status).toBe(200);
    const holders = async (unitId: string) => (await directory.usersWithRole('community-handler', unitId)).map((u) => u.userId);

    await put('wu', unitA);
    await put('zheng', unitA);
    expect(await holders(unitA)).toEqual([user('wu'), user('zheng')].sort());
    await put('wu', unitB); // moved to another unit
    expect(await holders(unitA)).toEqual([user('zheng')]);
    await put('zheng', unitA, false); // deactivated
    expect(await holders(unitA)).toEqual([]);

    const ops: { collection: string; method: string; filter: Record<string, unknown> }[] = [];
    mongoose.set('debug', (collection: string, method: string, filter: Record<string, unknown>) => ops.push({ collection, method, filter }));
    let moved: string[];
    try {
      moved = await holders(unitB);
    } finally {
      mongoose.set('debug', false);
    }
    expect(moved).toEqual([user('wu')]);
    const ofDirectory = ops.filter((o) => o.collection.startsWith('directory_'));
    expect(ofDirectory.map((o) => o.collection).sort()).toEqual(['directory_role_lists', 'directory_users']);
    expect(ofDirectory.filter((o) => o.method !== 'findOne' || typeof o.filter._id !== 'string')).toEqual([]);

    // a deployment from before the lists: the users are there, the lists not yet
    const db = mongo.db(`${runId}_notification`);
    await db.collection('directory_role_lists').deleteMany({});
    expect(await holders(unitB)).toEqual([]);
    expect(await directoryRoleListsMigration.run(db as never)).toMatch(/^\d+ users listed under \d+ roles and units$/);
    await directoryRoleListsMigration.run(db); // again: nothing doubles
    expect(await holders(unitB)).toEqual([user('wu')]);
    expect(await holders(unitA)).toEqual([]); // the deactivated user is listed, and skipped
    expect(await holders(COMMUNITY)).toEqual([user('liu'), user('ma')].sort());
  });

  it('quiet hours: at 23:30 a non-urgent SMS waits for 07:00, an urgent one and the inbox go at once', async () => {
    const nightRun = uniqueId('n');
    const nightGroup = `notification-night-${runId}`;
    databases.push(`${nightRun}_notification`);
    const night = await startService(integrationConfig({
      ...settings, MONGO_DB_PREFIX: nightRun, NOTIFICATION_CONSUMER_GROUP: nightGroup, NOTIFICATION_CLOCK_START: '2026-03-10T23:30:00+08:00',
    }));
    await registerDirectory(night.url);

    const ordinary = newCaseNumber();
    const urgent = newCaseNumber();
    await handled(await registered(ordinary, await loggedCall(caller(1), `${nightRun}_notification`, nightGroup)), `${nightRun}_notification`, nightGroup);
    await handled(await registered(urgent, await loggedCall(caller(1), `${nightRun}_notification`, nightGroup), 'urgent'), `${nightRun}_notification`, nightGroup);

    const urgentSms = await eventually(async () => (await deliveriesOf(urgent, night.url)).find((d) => d.channel === 'sms' && d.status === 'sent'), { what: 'urgent SMS sent' });
    expect(urgentSms.attempts).toBe(1);
    expect((await sinkOf(urgent, night.url)).map((m) => m.channel).sort()).toEqual(['sms', 'wechat']);

    await new Promise((r) => setTimeout(r, 600)); // several polls: the held ones must stay held
    const held = await deliveriesOf(ordinary, night.url);
    expect(held.map((d) => [d.channel, d.status, d.attempts, d.nextAttemptAt])).toEqual([
      ['sms', 'held-for-quiet-hours', 0, '2026-03-10T23:00:00.000Z'], // 07:00 on 11 March, China time
      ['wechat', 'held-for-quiet-hours', 0, '2026-03-10T23:00:00.000Z'],
    ]);
    expect(await sinkOf(ordinary, night.url)).toEqual([]);

    // the inbox never waits
    const queued = await publish(manualDispatchQueuedV1, ordinary, { caseNumber: ordinary, reason: 'no-location' });
    await handled(queued, `${nightRun}_notification`, nightGroup);
    const inbox = (await call(night.url, 'GET', '/api/v1/inbox', await as('dispatcher', 'bf', 'li'))).body as InboxView;
    expect(inbox.items.find((i) => i.caseNumber === ordinary)).toBeDefined();
  });

  it('a caller whose number comes after the case: the SMS waits for it and goes the moment the hotline registers it, not at its next retry', async () => {
    // retries ten minutes apart: only the directory write can send the SMS within this test
    const lateRun = uniqueId('l');
    const lateGroup = `notification-late-${runId}`;
    const database = `${lateRun}_notification`;
    databases.push(database);
    const late = await startService(integrationConfig({
      ...settings, NOTIFICATION_RETRY_BASE_MS: '600000', MONGO_DB_PREFIX: lateRun, NOTIFICATION_CONSUMER_GROUP: lateGroup, NOTIFICATION_CLOCK_START: '2026-03-10T10:00:00+08:00',
    }));
    const citizenRef = `late-caller-${runId}`;
    const caseNumber = newCaseNumber();
    await handled(await registered(caseNumber, await loggedCall(citizenRef, database, lateGroup)), database, lateGroup);

    const waiting = await eventually(async () => (await deliveriesOf(caseNumber, late.url)).find((d) => d.channel === 'sms' && d.attempts === 1), { what: 'the SMS tried without a number' });
    expect(waiting).toMatchObject({ status: 'pending', recipient: { kind: 'citizen', id: citizenRef } });
    expect(Date.parse(waiting.nextAttemptAt!) - Date.parse('2026-03-10T02:00:00Z')).toBeGreaterThan(5 * 60_000); // its own retry is far off
    // written down under the citizen (a document by _id), not found by a scan of the deliveries
    expect(await mongo.db(database).collection('citizen_contact_waits').findOne({ _id: citizenRef as never })).toMatchObject({ deliveryIds: [waiting.id] });

    const registeredAt = Date.now();
    expect((await call(late.url, 'PUT', `/api/v1/directory/citizens/${citizenRef}`, await asAdmin(), { phone: '13900005555' })).status).toBe(200);
    const sms = await eventually(async () => (await sinkOf(caseNumber, late.url)).find((m) => m.channel === 'sms'), { what: 'the SMS sent once the number came' });
    expect(sms.to).toBe('139****5555');
    expect(Date.now() - registeredAt).toBeLessThan(60_000); // woken, not retried (the retry was ten minutes away)
    expect(await mongo.db(database).collection('citizen_contact_waits').findOne({ _id: citizenRef as never })).toBeNull();
    expect((await deliveriesOf(caseNumber, late.url)).find((d) => d.id === waiting.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('what a stopped process left in the due list goes out at the next sweep: an unsent SMS, an unannounced outcome', async () => {
    // a process stored two deliveries a minute ago and remembered them, then died: one never sent, one sent whose
    // notification.delivered never left
    const caseNumber = newCaseNumber();
    const minuteAgo = new Date(app.get<Clock>(CLOCK).now().getTime() - 60_000);
    const base = {
      eventId: `left-${runId}`, eventType: 'case.registered', caseNumber, template: 'case-registered.citizen', channel: 'sms', locale: 'zh-CN', urgent: false,
      message: { title: '已受理', body: '已受理', sms: '您反映的问题已受理', fields: {} }, createdAt: minuteAgo, updatedAt: minuteAgo,
    };
    const unsent = `left-${runId}|citizen:${caller(1)}|sms`;
    const unannounced = `left-${runId}|citizen:${caller(2)}|sms`;
    await mongo.db(`${runId}_notification`).collection('deliveries').insertMany([
      { ...base, _id: unsent as never, recipient: { kind: 'citizen', id: caller(1) }, status: 'pending', attempts: 0, nextAttemptAt: minuteAgo },
      { ...base, _id: unannounced as never, recipient: { kind: 'citizen', id: caller(2) }, status: 'sent', attempts: 1, sentAt: minuteAgo, outcomePending: true },
    ]);
    await new MongoDueList(app.get(getModelToken(DUE_WORK_MODEL)), { queue: 'deliveries' }).add([unsent, unannounced], minuteAgo, minuteAgo);
    const outcomes = await new EventProbe(kafka, [notificationDeliveredV1.topic], `probe-outcomes-${runId}`).start();
    try {
      expect(await app.get(DeliveryQueue).sweepOnce()).toBeGreaterThanOrEqual(2); // (and earlier tests' ready buckets)
      expect((await sinkOf(caseNumber)).map((m) => [m.channel, m.to])).toEqual([['sms', '139****1111']]);
      const announced = await outcomes.waitForEvent(notificationDeliveredV1.type, (e) => e.key === caseNumber && (e.data as { deliveryId: string }).deliveryId === unannounced);
      expect(announced.causationId).toBe(`left-${runId}`);
      await outcomes.waitForEvent(notificationDeliveredV1.type, (e) => (e.data as { deliveryId: string }).deliveryId === unsent);
      const stored = await mongo.db(`${runId}_notification`).collection('deliveries').find({ _id: { $in: [unsent, unannounced] as never[] } }).toArray();
      expect(stored.map((d) => [d._id, d.status, d.outcomePending])).toEqual(expect.arrayContaining([[unsent, 'sent', undefined], [unannounced, 'sent', undefined]]));
      const remembered = await mongo.db(`${runId}_notification`).collection('due_work').countDocuments({ ids: { $in: [unsent, unannounced] } });
      expect(remembered).toBe(0); // both forgotten: nothing left to do
    } finally {
      await outcomes.stop();
    }
  });

  it('answers without a token with 401 and to the wrong role with 403, Chinese first', async () => {
    const anonymous = await call(url, 'GET', '/api/v1/inbox', undefined);
    expect(anonymous).toMatchObject({ status: 401, body: { message: expect.stringContaining('缺少登录凭证') } });
    expect((await call(url, 'GET', '/api/v1/inbox/stream', undefined)).status).toBe(401);
    const operator = await as('operator', 'bf', 'op');
    expect((await call(url, 'PUT', `/api/v1/directory/users/x`, operator, { name: 'x', role: 'admin', unitId: 'bf' })).status).toBe(403);
    const bad = await call(url, 'GET', '/api/v1/notifications?caseNumber=nope', await asSupervisor());
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ field: 'caseNumber' }] } });
  });

  it('dead-lettered nothing', async () => {
    await new Promise((r) => setTimeout(r, 500));
    expect(dlt.messages.filter((m) => [group, `notification-night-${runId}`].includes(m.headers[DLT_HEADERS.group]))).toEqual([]);
  });
});
