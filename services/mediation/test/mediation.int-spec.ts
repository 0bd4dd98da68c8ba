// mediation on the real servers: a dispute case registered by a real case workflow becomes a mediation case in its
// community, is assigned by workload, goes through sessions to an agreement (PDF) and follow-ups, and its original
// case is resolved by the mediation workflow running in an in-process worker; a failure goes to the street centre.
import { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { Role } from '@civicflow/contracts';
import { createKafka } from '@civicflow/platform';
import { bearerFor, eventually, integrationConfig, noticeTextsOf, ownTemporalNamespace, textsShowingIds, uniqueId } from '@civicflow/testing';
import { caseStatusQuery, CaseWorkflowInput } from '@civicflow/workflows';
import { createCaseWorker, RunningWorker } from '@civicflow/workflows/worker';
import { demoCity } from '@civicflow/grid';
import { createNotificationApp, notificationConfigSchema } from '@civicflow/notification';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';
import { createMediationApp } from '../src/create-app';
import { mediationConfigSchema } from '../src/config';
import { OrgUnits } from '../src/committees/org-units';
import { pdfText } from '@civicflow/testing';
import { disputeProjectionMigration } from '../src/migrations/dispute-projection.migration';

const runId = uniqueId();
const env = integrationConfig({
  MONGO_DB_PREFIX: runId, MEDIATION_CONSUMER_GROUP: `mediation-${runId}`, KAFKA_FROM_BEGINNING: 'false', MEDIATION_ASSIGN_RETRY_MS: '1000',
});

const COMMUNITY = 'bf-d01-s01-c01';
const STREET = 'bf-d01-s01';
const OTHER_STREET_COMMUNITY = 'bf-d01-s02-c01';

type Body = Record<string, any>;

/** The status, or a failure that shows the body (the reason of a 409, the field errors of a 400). */
function expectStatus(res: { status: number; body: Body }, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${Buffer.isBuffer(res.body) ? '(binary)' : JSON.stringify(res.body)}`);
}

describe('mediation on the real servers', () => {
  let app: INestApplication;
  let url: string;
  let notification: INestApplication;
  let notificationUrl: string;
  let identity: INestApplication;
  let worker: RunningWorker;
  let workerRun: Promise<void>;
  let temporal: Client;
  let mongo: MongoClient;

  beforeAll(async () => {
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    const kafka = createKafka(`test-${runId}`, env);
    // the notification service in-process: the parties' contacts are registered with its directory, its SMS sink shows what they got
    notification = await createNotificationApp(notificationConfigSchema.parse({
      ...env, NOTIFICATION_CONSUMER_GROUP: `notification-${runId}`, NOTIFICATION_QUIET_HOURS: 'off', NOTIFICATION_SEED_DEMO_DIRECTORY: 'false',
    }));
    await notification.startAllMicroservices();
    await notification.listen(0, '127.0.0.1');
    notificationUrl = await notification.getUrl();
    // identity issues the mediation service's own token (client credentials) for the directory
    identity = await createIdentityApp(identityConfigSchema.parse({ ...env, IDENTITY_SEED_DEMO_USERS: 'false' }));
    await identity.listen(0, '127.0.0.1');
    app = await createMediationApp(mediationConfigSchema.parse({ ...env, NOTIFICATION_URL: notificationUrl, SERVICE_TOKEN_URL: `${await identity.getUrl()}/api/v1/auth/token` }));
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    worker = await createCaseWorker({ temporalAddress: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.CASE_TASK_QUEUE, kafka });
    workerRun = worker.worker.run();
    temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE });
    mongo = await new MongoClient(env.MONGO_URL).connect();
  });

  afterAll(async () => {
    worker?.worker.shutdown();
    await workerRun;
    await worker?.close();
    await app?.close();
    await notification?.close();
    await identity?.close();
    await temporal?.connection.close();
    await mongo?.db(`${runId}_mediation`).dropDatabase();
    await mongo?.db(`${runId}_notification`).dropDatabase();
    await mongo?.db(`${runId}_identity`).dropDatabase();
    await mongo?.close();
  });

  async function call(method: 'GET' | 'POST' | 'PATCH', path: string, role: Role, unitId: string, body?: unknown, userId?: string) {
    const res = await fetch(`${url}/api/v1/mediation${path}`, {
      method,
      headers: { authorization: await bearerFor(role, unitId, userId), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, body: (type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer())) as Body };
  }

  /** A real 12345 case in a dispute category, routed to the community: its workflow publishes case.registered. */
  async function registerDisputeCase(categoryCode = '1601', communityId = COMMUNITY): Promise<string> {
    const caseNumber = `20261128-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const streetId = communityId.slice(0, 10);
    const input: CaseWorkflowInput = {
      caseNumber, channel: 'hotline', sourceRef: `call-${runId}-${caseNumber}`, requestType: 'complaint', urgency: 'normal', categoryCode, isDispute: true,
      intakeStatus: 'routed', summary: '楼上漏水，邻里争执',
      routing: { gridId: `${communityId}-g01`, communityId, streetId, districtId: 'bf-d01', orgPath: ['bf', 'bf-d01', streetId, communityId, `${communityId}-g01`] },
      registeredAt: new Date().toISOString(), correlationId: `corr-${runId}`,
    };
    await temporal.workflow.start('caseWorkflow', { workflowId: caseNumber, taskQueue: env.CASE_TASK_QUEUE, args: [input] });
    return caseNumber;
  }

  async function disputeWhen(disputeId: string, ready: (d: Body) => boolean, what: string): Promise<Body> {
    return eventually(async () => {
      const res = await call('GET', `/disputes/${disputeId}`, 'supervisor', 'bf');
      return res.status === 200 && ready(res.body) ? res.body : undefined;
    }, { what, timeoutMs: 60_000 });
  }

  /** Sessions are recorded only once they have started (workflow time): wait for the start, with a margin. */
  const waitUntil = async (iso: string) => new Promise((r) => setTimeout(r, Math.max(0, Date.parse(iso) - Date.now() + 300)));
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

  it('seeds the committees from the grid service’s demo city (the snapshot still matches it)', async () => {
    const city = demoCity().units.filter((u) => ['district', 'street', 'community'].includes(u.kind)).map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId }));
    expect(OrgUnits.demo().units).toEqual(city);
    const committees = await eventually(async () => {
      const res = await call('GET', `/committees?streetId=${STREET}`, 'street-coordinator', STREET);
      return res.status === 200 && res.body.items.length > 0 ? res.body.items as Body[] : undefined;
    }, { what: 'the seeded committees' });
    expect(committees).toEqual(expect.arrayContaining([
      expect.objectContaining({ committeeId: `cmte-${COMMUNITY}`, name: '锦华社区人民调解委员会', level: 'community' }),
      expect.objectContaining({ committeeId: `centre-${STREET}`, name: '友谊路街道矛盾调解中心', level: 'street' }),
    ]));
    const members = await call('GET', `/committees/cmte-${COMMUNITY}/mediators`, 'supervisor', 'bf');
    expect(members.body.items.map((m: Body) => m.mediatorId)).toContain('mediator');
    expect(members.body.items[0].phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('takes a neighbour dispute case from intake through sessions, an agreement (PDF) and follow-ups to 已化解, resolving the case', async () => {
    const caseNumber = await registerDisputeCase('1601');
    const disputeId = `tj-${caseNumber}`;
    const opened = await disputeWhen(disputeId, (d) => d.stage === 'mediating' && !!d.mediatorId, 'the dispute to be opened and assigned');
    expect(opened).toMatchObject({ caseNumber, origin: 'case', disputeType: 'neighbour', communityId: COMMUNITY, streetId: STREET, level: 'community', committeeId: `cmte-${COMMUNITY}` });
    const mediatorId = opened.mediatorId as string;
    const asMediator = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => call(method, path, 'mediator', COMMUNITY, body, mediatorId);

    // the original case is accepted by the mediator (签收) and runs on the mediation window
    await eventually(async () => {
      const view = await temporal.workflow.getHandle(caseNumber).query(caseStatusQuery);
      return view.stage === 'in-handling' ? view : undefined;
    }, { what: 'the original case to be accepted' });

    // parties: contacts protected (masked in reads; the full number only through the audited read)
    const applicant = await asMediator('POST', `/disputes/${disputeId}/parties`, { role: 'applicant', name: '王明', phone: '13812345678', address: '锦绣花园3号楼2单元401' });
    expectStatus(applicant, 201);
    expect(applicant.body).toMatchObject({ role: 'applicant', name: '王明', phoneMasked: '138****5678', contactRegistered: true });
    expect(JSON.stringify(applicant.body)).not.toContain('13812345678');
    const respondent = await asMediator('POST', `/disputes/${disputeId}/parties`, { role: 'respondent', name: '李强', phone: '13900001111' });
    const edited = await asMediator('PATCH', `/disputes/${disputeId}/parties/${respondent.body.partyId}`, { address: '锦绣花园3号楼3单元501' });
    expect(edited.body).toMatchObject({ name: '李强', address: '锦绣花园3号楼3单元501', phoneMasked: '139****1111' });
    const full = await asMediator('GET', `/disputes/${disputeId}/parties/${applicant.body.partyId}/contact?kind=phone&reason=${encodeURIComponent('通知调解时间')}`);
    expect(full.body).toMatchObject({ value: '13812345678', masked: '138****5678' });
    expect((await call('GET', `/disputes/${disputeId}/parties/${applicant.body.partyId}/contact?reason=x`, 'mediator', COMMUNITY, undefined, mediatorId)).status).toBe(400);
    expect((await call('GET', `/disputes/${disputeId}/parties/${applicant.body.partyId}/contact?reason=${encodeURIComponent('好奇')}`, 'mediator', 'bf-d01-s02-c01')).status).toBe(404); // another street's dispute does not exist for them
    const reads = await call('GET', `/disputes/${disputeId}/contact-reads`, 'supervisor', 'bf');
    expect(reads.body.items.filter((r: Body) => r.readerId === mediatorId)).toEqual([expect.objectContaining({ partyId: applicant.body.partyId, reason: '通知调解时间', masked: '138****5678' })]);
    // the registrations with the notification directory are on the record too
    expect(reads.body.items.filter((r: Body) => r.readerId === 'svc-mediation').map((r: Body) => r.partyId).sort()).toEqual([applicant.body.partyId, respondent.body.partyId].sort());

    // two sessions (the second a 3+X consultation), minutes after each has started
    const first = await asMediator('POST', `/disputes/${disputeId}/sessions`, { startsAt: inSeconds(3), endsAt: inSeconds(5), place: '锦华社区调解室', attendeeIds: [applicant.body.partyId, respondent.body.partyId] });
    expectStatus(first, 201);
    expect(first.body).toMatchObject({ status: 'scheduled', mediatorId });
    const second = await asMediator('POST', `/disputes/${disputeId}/sessions`, { startsAt: inSeconds(6), endsAt: inSeconds(8), place: '锦绣花园议事长廊', attendeeIds: [applicant.body.partyId, respondent.body.partyId, '物业-赵磊'], consultation: true });
    expectStatus(second, 201);
    // the parties with a phone get the session's SMS from the notification service, addressed by ref (party:<dispute>:<party>)
    const partySms = await eventually(async () => {
      const res = await fetch(`${notificationUrl}/api/v1/sink/messages?caseNumber=${caseNumber}&channel=sms`, { headers: { authorization: await bearerFor('admin', 'bf') } });
      const messages = ((await res.json()) as { messages: { to: string; template: string; text: string }[] }).messages;
      const reminders = messages.filter((m) => m.template === 'session-reminder.party');
      return reminders.some((m) => m.to === '138****5678') && reminders.some((m) => m.to === '139****1111') ? messages : undefined;
    }, { what: 'the session reminder SMS to both parties in the notification sink', timeoutMs: 30_000 });
    expect(partySms.find((m) => m.template === 'session-reminder.party' && m.to === '138****5678')!.text).toMatch(/^提醒：.*人民调解委员会将于.*在锦华社区调解室调解您的/);
    expect(partySms.some((m) => m.template === 'session-scheduled.party' && m.to === '138****5678')).toBe(true);
    // names, not ids: no party's SMS and no inbox item of the dispute shows an internal unit id
    expect(textsShowingIds(await noticeTextsOf(notificationUrl, caseNumber))).toEqual([]);
    const early = await asMediator('POST', `/disputes/${disputeId}/sessions/${second.body.sessionId}/minutes`, { minutesSummary: '还没开始' });
    expectStatus(early, 409);
    expect(early.body.reason).toMatchObject({ code: 'SESSION_NOT_STARTED' });
    await waitUntil(first.body.startsAt);
    const minutes = await asMediator('POST', `/disputes/${disputeId}/sessions/${first.body.sessionId}/minutes`, { minutesSummary: '双方陈述，李强同意修复防水层' });
    expectStatus(minutes, 201);
    expect(minutes.body).toMatchObject({ status: 'held', minutesSummary: '双方陈述，李强同意修复防水层' });
    await waitUntil(second.body.startsAt);
    const consultation = await asMediator('POST', `/disputes/${disputeId}/sessions/${second.body.sessionId}/consultation`, {
      minutesSummary: '四方共议漏水赔偿',
      participants: [{ side: 'party-organisation', name: '党委书记 王芳' }, { side: 'residents-committee', name: '主任 李娜' }, { side: 'property-company', name: '经理 赵磊', organisation: '锦华物业' }, { side: 'owners-committee', name: '主任 孙伟' }],
      commitments: [{ side: 'property-company', by: '锦华物业', commitment: '协助检查管道' }],
    });
    expectStatus(consultation, 201);
    expect(consultation.body.consultationRecord.participants).toHaveLength(4);
    expect(consultation.body.minutesSummary).toContain('物业公司锦华物业承诺协助检查管道');

    // agreement: refused without terms (400), recorded with them
    const noTerms = await asMediator('POST', `/disputes/${disputeId}/agreement`, { terms: [] });
    expectStatus(noTerms, 400);
    expect(noTerms.body.errors[0]).toMatchObject({ field: 'terms', reason: expect.stringContaining('调解协议须至少有一项履行条款') });
    const agreed = await asMediator('POST', `/disputes/${disputeId}/agreement`, { terms: [
      { partyId: respondent.body.partyId, obligation: '修复卫生间防水层', dueAt: inDays(7) },
      { partyId: respondent.body.partyId, obligation: '赔偿维修费1800元', dueAt: inDays(10) },
    ] });
    expectStatus(agreed, 201);
    expect(agreed.body).toMatchObject({ stage: 'agreed', agreement: { terms: [{ party: '李强', kept: null }, { party: '李强', kept: null }] } });

    const pdf = await call('GET', `/disputes/${disputeId}/agreement.pdf`, 'street-coordinator', STREET);
    expectStatus(pdf, 200);
    expect(pdf.type).toBe('application/pdf');
    const bytes = pdf.body as unknown as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const expected of ['人民调解协议书', '修复卫生间防水层', '赔偿维修费1800元', '锦华社区人民调解委员会', '人民调解员（签名）', '138****5678']) expect(text).toContain(expected);
    expect(text).not.toContain('13812345678');

    // 协议回访: both terms kept → 已化解, and the original case resolved by the workflow
    expect((await asMediator('POST', `/disputes/${disputeId}/agreement/terms/0/follow-up`, { kept: true, note: '已修复' })).body.stage).toBe('agreed');
    const resolved = await asMediator('POST', `/disputes/${disputeId}/agreement/terms/1/follow-up`, { kept: true });
    expect(resolved.body).toMatchObject({ stage: 'resolved', agreement: { terms: [{ kept: true, note: '已修复' }, { kept: true }] } });
    await eventually(async () => {
      const view = await temporal.workflow.getHandle(caseNumber).query(caseStatusQuery);
      return view.stage === 'resolved' ? view : undefined;
    }, { what: 'the original case to be resolved', timeoutMs: 60_000 });
    const listed = await call('GET', `/disputes?stage=resolved&communityId=${COMMUNITY}`, 'street-coordinator', STREET);
    expect(listed.body.items.map((d: Body) => d.disputeId)).toContain(disputeId);
  });

  it('refuses bad input with reasons: past sessions, one mediator’s overlapping sessions, the mediator as a party', async () => {
    const walkIn = await call('POST', '/disputes', 'mediator', COMMUNITY, { disputeType: 'property-management', summary: '物业费争议', amountAtStakeCny: 2400, mediatorId: 'mediator',
      parties: [{ role: 'applicant', name: '张华', phone: '13711112222' }, { role: 'respondent', name: '锦华物业', phone: '04715550000' }] }, 'mediator');
    expectStatus(walkIn, 201);
    expect(walkIn.body).toMatchObject({ origin: 'walk-in', mediatorId: 'mediator', stage: 'mediating', amountAtStakeCny: 2400 });
    const other = await call('POST', '/disputes', 'mediator', COMMUNITY, { disputeType: 'family', summary: '赡养费争议', mediatorId: 'mediator' }, 'mediator');
    expect(other.body.mediatorId).toBe('mediator');
    const as = (path: string, body: unknown) => call('POST', path, 'mediator', COMMUNITY, body, 'mediator');

    const past = await as(`/disputes/${walkIn.body.disputeId}/sessions`, { startsAt: inSeconds(-3600), endsAt: inSeconds(-1800), place: '调解室', attendeeIds: ['p'] });
    expectStatus(past, 400);
    expect(past.body.errors[0]).toMatchObject({ field: 'startsAt', reason: expect.stringMatching(/^调解开始时间/) });

    const booked = await as(`/disputes/${walkIn.body.disputeId}/sessions`, { startsAt: inDays(2), endsAt: new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString(), place: '调解室', attendeeIds: ['p'] });
    expectStatus(booked, 201);
    // the same mediator, another dispute, half an hour into the first session
    const clash = await as(`/disputes/${other.body.disputeId}/sessions`, { startsAt: new Date(Date.now() + 2 * 86_400_000 + 1_800_000).toISOString(), endsAt: new Date(Date.now() + 2 * 86_400_000 + 5_400_000).toISOString(), place: '调解室', attendeeIds: ['p'] });
    expectStatus(clash, 409);
    expect(clash.body.reason).toMatchObject({ code: 'SESSION_OVERLAPS', zh: expect.stringContaining(walkIn.body.disputeId) });
    const afterwards = await as(`/disputes/${other.body.disputeId}/sessions`, { startsAt: new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString(), endsAt: new Date(Date.now() + 2 * 86_400_000 + 7_200_000).toISOString(), place: '调解室', attendeeIds: ['p'] });
    expectStatus(afterwards, 201);

    const selfParty = await as(`/disputes/${walkIn.body.disputeId}/parties`, { role: 'other', name: '陈调解', userId: 'mediator' });
    expectStatus(selfParty, 409);
    expect(selfParty.body.reason).toMatchObject({ code: 'MEDIATOR_IS_PARTY', zh: expect.stringContaining('回避') });
    const namedAsParty = await call('POST', '/disputes', 'mediator', COMMUNITY, { disputeType: 'neighbour', summary: 'x', mediatorId: 'mediator', parties: [{ role: 'respondent', name: '陈调解', phone: '13900000000' }] }, 'mediator');
    expectStatus(namedAsParty, 409);

    // only the committee holding the dispute mediates it; the street reads it; elsewhere it does not exist (404, no probing)
    expect((await call('POST', `/disputes/${walkIn.body.disputeId}/failure`, 'mediator', 'bf-d01-s01-c02', { reason: 'x' })).status).toBe(404);
    expect((await call('POST', `/disputes/${walkIn.body.disputeId}/failure`, 'street-coordinator', STREET, { reason: 'x' })).status).toBe(403);
    expect((await call('GET', `/disputes/${walkIn.body.disputeId}`, 'street-coordinator', 'bf-d01-s02')).status).toBe(404);
    expect((await call('GET', '/disputes/tj-nothing', 'supervisor', 'bf')).status).toBe(404);
  });

  it('sends a failed community mediation to the street’s 矛盾调解中心, and from there guides the parties on', async () => {
    const caseNumber = await registerDisputeCase('1503');
    const disputeId = `tj-${caseNumber}`;
    const opened = await disputeWhen(disputeId, (d) => d.stage === 'mediating', 'the property-management dispute to be assigned');
    expect(opened.disputeType).toBe('property-management');
    const failed = await call('POST', `/disputes/${disputeId}/failure`, 'mediator', COMMUNITY, { reason: '双方分歧较大，社区调解不成' }, opened.mediatorId);
    expectStatus(failed, 201);
    expect(failed.body.failures).toEqual([expect.objectContaining({ level: 'community', next: 'street-centre', mediatorId: opened.mediatorId })]);
    const atStreet = await disputeWhen(disputeId, (d) => d.level === 'street' && d.stage === 'mediating', 'a street-centre mediator');
    expect(atStreet.committeeId).toBe(`centre-${STREET}`);
    expect(atStreet.mediatorId).not.toBe(opened.mediatorId);
    expect(atStreet.escalatedAt).toEqual(expect.any(String));
    // the community mediator no longer holds it; the street centre's mediator does
    expect((await call('POST', `/disputes/${disputeId}/failure`, 'mediator', COMMUNITY, { reason: 'x' }, opened.mediatorId)).status).toBe(403);
    const noGuidance = await call('POST', `/disputes/${disputeId}/failure`, 'mediator', STREET, { reason: '街道调解不成' }, atStreet.mediatorId);
    expectStatus(noGuidance, 409);
    expect(noGuidance.body.reason.code).toBe('GUIDANCE_REQUIRED');
    const ended = await call('POST', `/disputes/${disputeId}/failure`, 'mediator', STREET, { reason: '街道调解不成', guidance: 'judicial-confirmation' }, atStreet.mediatorId);
    expect(ended.body).toMatchObject({ stage: 'failed', guidance: 'judicial-confirmation' });
  });

  it('computes the figures from a seeded set of disputes', async () => {
    const db = mongo.db(`${runId}_mediation`);
    const c1 = OTHER_STREET_COMMUNITY;
    const c2 = 'bf-d01-s02-c02';
    const base = { origin: 'walk-in', categoryCode: null, disputeType: 'neighbour', summary: 's', amountAtStakeCny: null, districtId: 'bf-d01', committeeId: null, mediatorId: null,
      pastMediatorIds: [], failures: [], guidance: null, reopenCount: 0, assignedAt: null, escalatedAt: null, agreedAt: null, stageAt: new Date(),
      assignmentPending: false, openedBy: { userId: 't', role: 'mediator' }, correlationId: 'c', revision: 1, caseNumber: null, lastSequence: 0 };
    const terms = (kept: boolean[]) => kept.map((k) => ({ party: 'p', partyId: 'p', obligation: 'o', dueAt: '2030-01-10T00:00:00.000Z', kept: k, followedUpAt: '2030-01-20T00:00:00.000Z', note: null }));
    const agreement = (reachedAt: string, kept: boolean[]) => ({ agreementId: `a${reachedAt}`, reachedAt, reachedBy: { userId: 'm', name: 'm' }, committeeId: 'c', level: 'community', terms: terms(kept) });
    const dispute = (id: string, communityId: string, fields: Body) => ({ ...base, _id: `${runId}-${id}`, communityId, streetId: 'bf-d01-s02', orgPath: ['bf', 'bf-d01', 'bf-d01-s02', communityId],
      openedAt: new Date('2030-01-02T00:00:00.000Z'), stage: 'mediating', level: 'community', resolvedAt: null, failedAt: null, deadline: null, agreement: null, pastAgreements: [], ...fields });
    await db.collection('disputes').insertMany([
      dispute('a', c1, { stage: 'resolved', resolvedAt: new Date('2030-01-20T00:00:00.000Z'), agreement: agreement('2030-01-06T00:00:00.000Z', [true, true]) }),
      dispute('b', c1, { stage: 'resolved', level: 'street', resolvedAt: new Date('2030-01-25T00:00:00.000Z'), agreement: agreement('2030-01-12T00:00:00.000Z', [true]) }),
      dispute('c', c2, { stage: 'failed', level: 'street', failedAt: new Date('2030-01-28T00:00:00.000Z') }),
      dispute('d', c2, { deadline: new Date('2030-01-29T00:00:00.000Z') }),
      dispute('e', c2, { stage: 'agreed', agreement: agreement('2030-01-08T00:00:00.000Z', [false]) }),
    ] as never[]);
    const res = await call('GET', `/figures?from=2030-01-01T00:00:00.000Z&to=2030-02-01T00:00:00.000Z&groupBy=community&streetId=bf-d01-s02`, 'street-coordinator', 'bf-d01-s02');
    expectStatus(res, 200);
    expect(res.body.total).toMatchObject({ closedOrDue: 4, resolved: 2, failed: 1, overdue: 1, resolutionRate: 0.5, settledInCommunity: 1, settledInStreet: 1,
      agreementsReached: 3, agreementsFollowedUp: 3, agreementsKept: 2, averageDaysToAgreement: 6.7 }); // (4 + 10 + 6) / 3 days
    expect(res.body.groups.map((g: Body) => [g.key, g.resolved, g.failed, g.overdue, g.resolutionRate])).toEqual([[c1, 2, 0, 0, 1], [c2, 0, 1, 1, 0]]);
    const byStreet = await call('GET', `/figures?from=2030-01-01T00:00:00.000Z&to=2030-02-01T00:00:00.000Z&groupBy=street`, 'supervisor', 'bf');
    expect(byStreet.body.groups.find((g: Body) => g.key === 'bf-d01-s02')).toMatchObject({ resolved: 2, communityShare: 0.5 });
    // a street sees only its own disputes
    const elsewhere = await call('GET', `/figures?from=2030-01-01T00:00:00.000Z&to=2030-02-01T00:00:00.000Z&groupBy=community`, 'street-coordinator', STREET);
    expect(elsewhere.body.total.closedOrDue).toBe(0);
    expect((await call('GET', '/figures?from=nonsense', 'supervisor', 'bf')).status).toBe(400);
  });

  it('moves stored disputes of the old shape over once: parties to the register, the dispute left to the events', async () => {
    const db = mongo.db(`${runId}_mediation`);
    expect(await db.collection('schema_migrations').findOne({ _id: disputeProjectionMigration.id as never })).toMatchObject({ finishedAt: expect.any(Date) }); // ran at start
    const disputeId = `tj-w20261201-${runId.slice(-6)}`;
    const party = { partyId: 'p-old', role: 'applicant', name: '周老', phone: null, idNumber: null, address: '锦绣花园1号楼', userId: null, contactRegistered: null };
    await db.collection('disputes').insertOne({
      _id: disputeId as never, caseNumber: null, origin: 'walk-in', categoryCode: null, disputeType: 'neighbour', summary: '旧纠纷', amountAtStakeCny: null,
      communityId: COMMUNITY, streetId: STREET, districtId: 'bf-d01', orgPath: ['bf', 'bf-d01', STREET, COMMUNITY], stage: 'mediating', level: 'community',
      committeeId: `cmte-${COMMUNITY}`, mediatorId: 'mediator', pastMediatorIds: ['mediator'], parties: [party], contactsPending: false, agreement: null, failures: [],
      pastAgreements: [], deadline: null, lastSequence: 2, guidance: null, reopenCount: 0, openedAt: new Date(), assignedAt: new Date(), escalatedAt: null,
      agreedAt: null, resolvedAt: null, failedAt: null, stageAt: new Date(), assignmentPending: false, assignmentError: 'old', assignmentClaimedUntil: null,
      openedBy: { userId: 'mediator', role: 'mediator' }, correlationId: 'c', revision: 3,
    });
    expect(await disputeProjectionMigration.run(db as never)).toMatch(/^1 disputes moved/);
    expect(await disputeProjectionMigration.run(db as never)).toMatch(/^0 disputes moved/);
    const stored = await db.collection('disputes').findOne({ _id: disputeId as never });
    for (const field of ['parties', 'contactsPending', 'assignmentError', 'assignmentClaimedUntil']) expect(stored).not.toHaveProperty(field);
    expect(await db.collection('dispute_parties').findOne({ _id: disputeId as never })).toMatchObject({ parties: [party], contactsPending: false });
    const shown = await call('GET', `/disputes/${disputeId}`, 'supervisor', 'bf');
    expect(shown.body).toMatchObject({ disputeId, stage: 'mediating', mediatorId: 'mediator', parties: [expect.objectContaining({ partyId: 'p-old', name: '周老' })] });
  });
});
