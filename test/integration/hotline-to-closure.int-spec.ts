// The whole ladder on the real servers (Temporal dev server, Kafka, FerretDB), with windows of seconds: a hotline
// call becomes a case in its community; nobody accepts it, so it escalates to the street by itself; the street
// summons two departments (吹哨), each reports in (报到) and answers through the HTTP API; the street resolves;
// the operator's callback closes the case. The timeline shows every step and the right people got the news.
// The same journey runs on one instance of every service and worker, and on two of each against the same servers
// (`npm start -- --replicas 2`): work shared through the consumer groups and the task queue, every call to the
// next replica in turn.
import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { caseClosedV1, caseDispatchedV1, caseEscalatedV1, caseRegisteredV1, caseResolvedV1, Role } from '@civicflow/contracts';
import { naturalMinutes } from '@civicflow/domain';
import { createKafka } from '@civicflow/platform';
import { httpAs, EventProbe, eventually, integrationConfig, noticeTextsOf, profilesWithWindows, ReplicaUrls, startApps, ownTemporalNamespace, uniqueId, startCaseWorker, TestCaseWorker, textsShowingIds } from '@civicflow/testing';
import { createGridApp, gridConfigSchema, pointInside } from '@civicflow/grid';
import { createHotlineApp, hotlineConfigSchema } from '@civicflow/hotline';
import { createIntakeApp, intakeConfigSchema } from '@civicflow/intake';
import { caseworkConfigSchema, createCaseworkApp } from '@civicflow/casework';
import { createNotificationApp, notificationConfigSchema } from '@civicflow/notification';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';

const runId = uniqueId();
const env = integrationConfig({
  MONGO_DB_PREFIX: runId,
  KAFKA_FROM_BEGINNING: 'false',
  NOTIFICATION_QUIET_HOURS: 'off',
});

const GRID = 'bf-d01-s01-c01-g01';
const COMMUNITY = 'bf-d01-s01-c01';
const COMMUNITY_NAME = '锦华社区';
const STREET = 'bf-d01-s01';
const URBAN = 'dept-urban-management';
const WATER = 'dept-water-affairs';

/** Every profile with windows of seconds (natural time), so the ladder runs while the test watches. */
const SHORT = profilesWithWindows({
  acceptance: naturalMinutes(0.1), // 6 s
  'community-handling': naturalMinutes(0.1),
  'street-handling': naturalMinutes(10),
  'department-report-in': naturalMinutes(10),
  'department-answer': naturalMinutes(10),
  callback: naturalMinutes(10),
  mediation: naturalMinutes(10),
});

type Timeline = { entries: { type: string; level: string | null; unitId: string | null; actor: { userId: string; role: string } | null; sla: unknown }[] };
type Inbox = { items: { caseNumber?: string; title: string; eventType: string }[] };

describe.each([1, 2])('hotline call → escalation ladder → closure, end to end on the real servers (%i of each service and worker)', (replicas) => {
  const apps: INestApplication[] = [];
  const replicaUrls = new ReplicaUrls<'hotline' | 'casework' | 'notification'>();
  const urls = replicaUrls.urls;
  const workers: TestCaseWorker[] = [];
  let kafka: Kafka;
  let probe: EventProbe;
  let mongo: MongoClient;

  beforeAll(async () => {
    // each run its own databases and consumer groups, so the second never reads the first's leftovers
    const groups = ['HOTLINE', 'INTAKE', 'GRID', 'CASEWORK', 'NOTIFICATION'].map((s) => [`${s}_CONSUMER_GROUP`, `${s.toLowerCase()}-${runId}-r${replicas}`]);
    const runEnv = { ...env, ...Object.fromEntries(groups), MONGO_DB_PREFIX: `${runId}r${replicas}` };
    runEnv.TEMPORAL_NAMESPACE = await ownTemporalNamespace(runEnv.TEMPORAL_ADDRESS);
    kafka = createKafka(`test-${runId}`, runEnv);
    // identity once: services get their service tokens from it (the hotline registers each caller's SMS contact
    // with notification, intake reads the grid's routing dataset, notification its org tree)
    const { identity } = await startApps({ identity: await createIdentityApp(identityConfigSchema.parse(runEnv)) }, apps);
    runEnv.SERVICE_TOKEN_URL = `${identity}/api/v1/auth/token`;
    for (let r = 0; r < replicas; r++) {
      // every replica joins its service's consumer group and the worker's task queue under the same names
      const replicaEnv = { ...runEnv };
      // grid first: intake loads its routing dataset and notification its org tree (units by name) at start
      const { grid } = await startApps({ grid: await createGridApp(gridConfigSchema.parse({ ...replicaEnv, GRID_SEED_DEMO: 'true' })) }, apps);
      replicaEnv.GRID_URL = grid;
      // notification next: the hotline registers each caller's SMS contact with it (短信告知)
      const { notification } = await startApps({ notification: await createNotificationApp(notificationConfigSchema.parse({ ...replicaEnv, NOTIFICATION_SEED_DEMO_DIRECTORY: 'true' })) }, apps);
      replicaUrls.add('notification', (replicaEnv.NOTIFICATION_URL = notification));
      const started = await startApps({
        hotline: await createHotlineApp(hotlineConfigSchema.parse(replicaEnv)),
        intake: await createIntakeApp(intakeConfigSchema.parse(replicaEnv)),
        casework: await createCaseworkApp(caseworkConfigSchema.parse(replicaEnv)),
      }, apps);
      replicaUrls.add('hotline', started.hotline);
      replicaUrls.add('casework', started.casework);
      workers.push(await startCaseWorker(runEnv, kafka, { slaProfiles: SHORT }));
    }
    probe = await new EventProbe(kafka, [caseRegisteredV1.topic], `probe-${runId}-${replicas}`).start();
    mongo = await new MongoClient(runEnv.MONGO_URL).connect();
  });

  afterAll(async () => {
    await probe?.stop();
    for (const worker of workers) await worker.stop();
    for (const app of apps.reverse()) await app.close();
    for (const service of ['hotline', 'intake', 'grid', 'casework', 'notification', 'identity']) await mongo?.db(`${runId}r${replicas}_${service}`).dropDatabase();
    await mongo?.close();
  });

  const http = httpAs(urls);


  const street = { role: 'street-coordinator', unitId: STREET, userId: 'street' } as const;
  const liaison = (unitId: string, userId: string) => ({ role: 'department-liaison', unitId, userId }) as const;
  const command = async (caseNumber: string, name: string, who: { role: Role; unitId: string; userId?: string }, body: unknown = {}) => {
    const res = await http('casework', 'POST', `/api/v1/cases/${caseNumber}/commands/${name}`, who, body);
    expect({ name, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ name, status: 200, body: 'ok' });
    return res.body;
  };
  const statusOf = (caseNumber: string) => http('casework', 'GET', `/api/v1/cases/${caseNumber}/status`, { role: 'supervisor', unitId: 'bf' });
  const inboxOf = async (userId: string, role: Role, unitId: string) => (await http('notification', 'GET', '/api/v1/inbox', { role, unitId, userId })).body as Inbox;

  it('escalates by itself, summons two departments, resolves, and the callback closes it; every step on the timeline', async () => {
    // a second liaison, for the water department (the demo directory has the urban-management one)
    const waterLiaison = liaison(WATER, `water-${runId}`);
    const put = await http('notification', 'PUT', `/api/v1/directory/users/${waterLiaison.userId}`, { role: 'admin', unitId: 'bf', userId: 'admin' }, { name: '钱水务', role: 'department-liaison', unitId: WATER });
    expect(put.status).toBe(200);

    // 1. 话务员 logs the call; intake routes it to the community whose polygon holds the point
    const call = await http('hotline', 'POST', '/api/v1/calls', { role: 'operator', unitId: 'bf', userId: 'operator' }, {
      callerNumber: '13812340000', content: `小区路面塌陷还有积水 ${runId} the road caved in and floods`, requestType: 'complaint', categoryCode: '0208', location: pointInside(GRID),
    });
    expect(call.status).toBe(202);
    const registered = await probe.waitForEvent(caseRegisteredV1.type, (e) => (e.data as { sourceRef: string }).sourceRef === call.body.callId);
    const caseNumber = registered.key;
    await probe.waitForEvent(caseDispatchedV1.type, (e) => e.key === caseNumber && (e.data as { assigneeUnitId: string }).assigneeUnitId === COMMUNITY);

    // 2. nobody in the community accepts within 6 s: the acceptance window breaches and the case goes up to the street by itself
    const escalated = await eventually(async () => {
      const res = await statusOf(caseNumber);
      return res.status === 200 && res.body.level === 'street' ? res.body : undefined;
    }, { what: 'the escalation to the street', timeoutMs: 60_000 });
    expect(escalated).toMatchObject({ currentUnit: STREET, stage: 'in-handling' });

    // 3. 吹哨: the street summons two departments at once; each reports in and answers through the API, in its own order
    await command(caseNumber, 'summonDepartments', street, { departmentIds: [URBAN, WATER] });
    await command(caseNumber, 'reportIn', liaison(URBAN, 'liaison'), { departmentId: URBAN });
    await command(caseNumber, 'reportIn', waterLiaison, { departmentId: WATER });
    await command(caseNumber, 'answer', waterLiaison, { departmentId: WATER, plan: '排查地下管网', result: '已修复漏水管道 the leaking main is fixed' });
    await command(caseNumber, 'answer', liaison(URBAN, 'liaison'), { departmentId: URBAN, plan: '围挡并修补路面', result: '路面已修复 the road is repaired' });

    // 4. 办结 by the street; the hotline gets a callback task from case.resolved
    const resolved = await command(caseNumber, 'resolve', street, { summary: '水务修复管道、城管修复路面 pipes and road repaired' });
    expect(resolved.events).toContain(caseResolvedV1.type);
    const operator = { role: 'operator', unitId: 'bf', userId: 'operator' } as const;
    const task = await eventually(async () => {
      const res = await http('hotline', 'GET', '/api/v1/callbacks?status=pending&limit=200', operator);
      return (res.body.callbacks as { callbackId: string; caseNumber: string }[]).find((c) => c.caseNumber === caseNumber);
    }, { what: 'the callback task', timeoutMs: 30_000 });

    // 5. 回访: the citizen is satisfied; the recorded callback reaches the workflow through Kafka and closes the case
    const recorded = await http('hotline', 'POST', `/api/v1/callbacks/${task.callbackId}/result`, operator, { reached: true, satisfaction: 'satisfied', resolved: true });
    expect(recorded.status).toBeLessThan(300);
    const closed = await eventually(async () => {
      const res = await statusOf(caseNumber);
      return res.body.stage === 'closed' ? res.body : undefined;
    }, { what: 'the case to close', timeoutMs: 30_000 });
    expect(closed.closure).toMatchObject({ reason: expect.any(String) });

    // 6. the timeline (read model, from Kafka) shows every step, in order, at its level
    const timeline = await eventually(async () => {
      const res = await http('casework', 'GET', `/api/v1/cases/${caseNumber}/timeline`, { role: 'supervisor', unitId: 'bf' });
      return (res.body as Timeline).entries?.some((e) => e.type === caseClosedV1.type) ? (res.body as Timeline) : undefined;
    }, { what: 'case.closed on the timeline', timeoutMs: 30_000 });
    const types = timeline.entries.map((e) => e.type);
    const inOrder = [
      'case.registered', 'case.dispatched', 'case.sla-warning', 'case.sla-breached', caseEscalatedV1.type, 'case.departments-summoned',
      'case.department-reported-in', 'case.department-reported-in', 'case.department-answered', 'case.department-answered',
      caseResolvedV1.type, 'case.callback-recorded', caseClosedV1.type,
    ];
    let cursor = -1;
    for (const type of inOrder) {
      cursor = types.indexOf(type, cursor + 1);
      expect({ type, found: cursor >= 0 }).toEqual({ type, found: true });
    }
    expect(types.filter((t) => t === caseEscalatedV1.type)).toHaveLength(1);
    const escalation = timeline.entries.find((e) => e.type === caseEscalatedV1.type)!;
    expect(escalation).toMatchObject({ level: 'street', unitId: STREET, actor: { role: 'system' } });
    const answers = timeline.entries.filter((e) => e.type === 'case.department-answered');
    expect(answers.map((e) => e.actor?.userId)).toEqual([waterLiaison.userId, 'liaison']);

    // 7. the right inboxes: the community on dispatch and on the warning, the street and the supervisors on the
    // breach that sent the case up, each summoned department's liaison; nobody else
    const noticesOf = async (userId: string, role: Role, unitId: string) =>
      (await inboxOf(userId, role, unitId)).items.filter((i) => i.caseNumber === caseNumber).map((i) => i.eventType).sort();
    const expected = {
      community: ['case.dispatched', 'case.sla-warning'],
      street: ['case.escalated'],
      supervisor: ['case.sla-breached'],
      urban: ['case.departments-summoned'],
      water: ['case.departments-summoned'],
    };
    const received = await eventually(async () => {
      const got = {
        community: await noticesOf('community', 'community-handler', COMMUNITY),
        street: await noticesOf('street', 'street-coordinator', STREET),
        supervisor: await noticesOf('supervisor', 'supervisor', 'bf'),
        urban: await noticesOf('liaison', 'department-liaison', URBAN),
        water: await noticesOf(waterLiaison.userId, 'department-liaison', WATER),
      };
      const complete = Object.entries(expected).every(([who, types]) => types.every((t) => got[who as keyof typeof got].includes(t)));
      return complete ? got : undefined;
    }, { what: 'notices in the community, street, supervisor and both departments\' inboxes', timeoutMs: 30_000 }).catch(async (error) => {
      throw new Error(`${(error as Error).message}; community has ${JSON.stringify(await noticesOf('community', 'community-handler', COMMUNITY))}, street ${JSON.stringify(await noticesOf('street', 'street-coordinator', STREET))}, supervisor ${JSON.stringify(await noticesOf('supervisor', 'supervisor', 'bf'))}`);
    });
    for (const [who, types] of Object.entries(expected)) expect(received[who as keyof typeof received]).toEqual(expect.arrayContaining(types));
    // the departments hear only of their own summons, not of the community's clock
    expect(received.urban).not.toContain('case.dispatched');
    expect(await noticesOf('dispatcher', 'dispatcher', 'bf')).toEqual([]);

    // 8. the citizen: an SMS (local sink) when the case was taken on and when it was resolved, to the number they called from
    const sms = await eventually(async () => {
      const res = await http('notification', 'GET', `/api/v1/sink/messages?caseNumber=${caseNumber}`, { role: 'supervisor', unitId: 'bf' });
      const messages = (res.body as { messages: { channel: string; to: string; template: string }[] }).messages.filter((m) => m.channel === 'sms');
      return messages.some((m) => m.template.startsWith('case-resolved')) ? messages : undefined;
    }, { what: 'the resolution SMS to the citizen', timeoutMs: 30_000 });
    expect(sms.map((m) => m.template)).toEqual(expect.arrayContaining([expect.stringMatching(/^case-registered/), expect.stringMatching(/^case-resolved/)]));
    expect(new Set(sms.map((m) => m.to))).toEqual(new Set(['138****0000'])); // the sink keeps numbers masked

    // 9. names, not ids: no SMS and no inbox item of the case shows an internal unit or department id
    const texts = await noticeTextsOf(urls.notification, caseNumber);
    expect(texts.sent.length).toBeGreaterThan(1);
    expect(texts.inbox.length).toBeGreaterThan(5);
    expect(textsShowingIds(texts)).toEqual([]);
    // …but the units by name: the community's and the departments'
    expect(texts.sent.map((m) => m.text).join('\n')).toContain(COMMUNITY_NAME);
    expect(texts.inbox.map((i) => i.text).join('\n')).toContain('城市管理综合执法局');
  });
});
