// casework on the real servers: commands over HTTP become Updates on a case workflow run by an in-process
// worker; its events come back over Kafka into the read model (timeline, worklists).
import { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Role } from '@civicflow/contracts';
import { createKafka } from '@civicflow/platform';
import { bearerFor, eventually, integrationConfig, uniqueId, ownTemporalNamespace, startCaseWorker, TestCaseWorker } from '@civicflow/testing';
import { CaseWorkflowInput } from '@civicflow/workflows';
import { caseworkConfigSchema, createCaseworkApp } from '@civicflow/casework';
import mongoose from 'mongoose';
import { caseListsMigration } from '../src/migrations/case-lists.migration';
import { orderedCaseListsMigration } from '../src/migrations/ordered-case-lists.migration';

const runId = uniqueId();
const env = integrationConfig({ MONGO_DB_PREFIX: runId, CASEWORK_CONSUMER_GROUP: `casework-${runId}`, KAFKA_FROM_BEGINNING: 'false' });

const COMMUNITY = 'bf-d01-s01-c01';
const STREET = 'bf-d01-s01';
const DEPT = 'dept-urban-management';

describe('casework: commands, timeline and worklists on the real servers', () => {
  let app: INestApplication;
  let url: string;
  let worker: TestCaseWorker;
  let kafka: Kafka;
  let temporal: Client;
  let mongo: MongoClient;

  beforeAll(async () => {
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    kafka = createKafka(`test-${runId}`, env);
    app = await createCaseworkApp(caseworkConfigSchema.parse(env));
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    worker = await startCaseWorker(env, kafka);
    temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE });
    mongo = await new MongoClient(env.MONGO_URL).connect();
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await temporal?.connection.close();
    await mongo?.db(`${runId}_casework`).dropDatabase();
    await mongo?.close();
  });

  async function startCase(): Promise<string> {
    const caseNumber = `20261128-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const input: CaseWorkflowInput = {
      caseNumber, channel: 'hotline', sourceRef: `call-${runId}-${caseNumber}`, requestType: 'complaint', urgency: 'normal', categoryCode: 'city-appearance',
      intakeStatus: 'routed',
      routing: { gridId: `${COMMUNITY}-g01`, communityId: COMMUNITY, streetId: STREET, districtId: 'bf-d01', orgPath: ['bf', 'bf-d01', STREET, COMMUNITY, `${COMMUNITY}-g01`] },
      registeredAt: new Date().toISOString(), correlationId: `corr-${runId}`, summary: '路灯不亮 street light out',
    };
    await temporal.workflow.start('caseWorkflow', { workflowId: caseNumber, taskQueue: env.CASE_TASK_QUEUE, args: [input] });
    return caseNumber;
  }

  async function call(method: 'GET' | 'POST', path: string, role: Role, unitId: string, body?: unknown) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: await bearerFor(role, unitId), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }
  const command = (caseNumber: string, name: string, role: Role, unitId: string, body: unknown = {}) =>
    call('POST', `/api/v1/cases/${caseNumber}/commands/${name}`, role, unitId, body);

  async function timelineTypes(caseNumber: string, until: string) {
    return eventually(async () => {
      const res = await call('GET', `/api/v1/cases/${caseNumber}/timeline`, 'supervisor', 'bf');
      const types = res.status === 200 ? (res.body.entries as { type: string }[]).map((e) => e.type) : [];
      return types.includes(until) ? res.body : undefined;
    }, { what: `${until} in the timeline of ${caseNumber}` });
  }

  async function worklist(role: Role, unitId: string, view: string) {
    const res = await call('GET', `/api/v1/worklist?view=${view}`, role, unitId);
    expect(res.status).toBe(200);
    return (res.body.items as { caseNumber: string; currentUnit: string; level: string }[]);
  }

  it('carries a case up the ladder through the HTTP API, refusing what it must', async () => {
    const caseNumber = await startCase();
    await eventually(async () => {
      const res = await call('GET', `/api/v1/cases/${caseNumber}/status`, 'community-handler', COMMUNITY);
      return res.status === 200 && res.body.stage === 'dispatched' ? res.body : undefined;
    }, { what: 'the case to be dispatched' });

    // 签收 by the community; a second 签收 is refused by the domain with its reason
    const accepted = await command(caseNumber, 'accept', 'community-handler', COMMUNITY, {}, );
    expect(accepted.status).toBe(200);
    expect(accepted.body.events).toContain('case.accepted');
    expect(accepted.body.view).toMatchObject({ stage: 'in-handling', level: 'community', currentUnit: COMMUNITY });
    const again = await command(caseNumber, 'accept', 'community-handler', COMMUNITY);
    expect(again.status).toBe(409);
    expect(again.body.reason).toEqual({ code: expect.any(String), zh: expect.any(String), en: expect.any(String) });
    expect(again.body.message).toContain(again.body.reason.zh);

    // outside the jurisdiction (the case does not exist there: 404 like an unknown number), the wrong role, an unknown case or command
    expect((await command(caseNumber, 'escalate', 'community-handler', 'bf-d01-s02-c01')).status).toBe(404);
    expect((await command(caseNumber, 'escalate', 'street-coordinator', 'bf-d01-s02')).status).toBe(403); // the role, before the case is looked at
    expect((await call('GET', `/api/v1/cases/${caseNumber}/status`, 'street-coordinator', 'bf-d01-s02')).status).toBe(404);
    expect((await command(caseNumber, 'reportIn', 'community-handler', COMMUNITY, { departmentId: DEPT })).status).toBe(403);
    expect((await command('20000101-000000', 'accept', 'community-handler', COMMUNITY)).status).toBe(404);
    expect((await command(caseNumber, 'launch', 'community-handler', COMMUNITY)).status).toBe(404);

    // 升级 → 吹哨 → 报到 → 答复 → 办结
    const escalated = await command(caseNumber, 'escalate', 'community-handler', COMMUNITY, { note: '需要执法权 needs enforcement powers' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.view).toMatchObject({ level: 'street', currentUnit: STREET });
    const invalid = await command(caseNumber, 'summonDepartments', 'street-coordinator', STREET, { departmentIds: 'not-a-list' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0]).toMatchObject({ field: expect.any(String), reason: expect.any(String) });
    const summoned = await command(caseNumber, 'summonDepartments', 'street-coordinator', STREET, { departmentIds: [DEPT] });
    expect(summoned.status).toBe(200);
    expect(summoned.body.events).toContain('case.departments-summoned');
    // the summoned department is now inside the case's jurisdiction; another department is not
    expect((await command(caseNumber, 'reportIn', 'department-liaison', 'dept-water', { departmentId: 'dept-water' })).status).toBe(404);
    const reported = await command(caseNumber, 'reportIn', 'department-liaison', DEPT, { departmentId: DEPT });
    expect(reported.status).toBe(200);
    await timelineTypes(caseNumber, 'case.department-reported-in');
    expect((await worklist('department-liaison', DEPT, 'open')).map((c) => c.caseNumber)).toContain(caseNumber);
    const answered = await command(caseNumber, 'answer', 'department-liaison', DEPT, { departmentId: DEPT, plan: '更换灯具 replace the lamp', result: '已修复 fixed' });
    expect(answered.status).toBe(200);

    await timelineTypes(caseNumber, 'case.department-answered');
    const streetOpen = await worklist('street-coordinator', STREET, 'open');
    expect(streetOpen.find((c) => c.caseNumber === caseNumber)).toMatchObject({ currentUnit: STREET });
    expect((await worklist('community-handler', COMMUNITY, 'open')).map((c) => c.caseNumber)).not.toContain(caseNumber);

    const resolved = await command(caseNumber, 'resolve', 'street-coordinator', STREET, { summary: '部门已修复路灯 the department fixed the light' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.view.stage).toBe('resolved');

    const timeline = await timelineTypes(caseNumber, 'case.resolved');
    const entries = timeline.entries as { type: string; actor: { role: string; unitId?: string }; level: string | null; sla: unknown; at: string }[];
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining([
      'case.registered', 'case.dispatched', 'case.accepted', 'case.escalated', 'case.departments-summoned',
      'case.department-reported-in', 'case.department-answered', 'case.resolved',
    ]));
    expect(entries.find((e) => e.type === 'case.accepted')).toMatchObject({ actor: { role: 'community-handler', unitId: COMMUNITY }, level: 'community', sla: { window: 'community-handling' } });
    expect(entries.find((e) => e.type === 'case.escalated')).toMatchObject({ actor: { role: 'community-handler' }, level: 'street' });
    expect(entries.find((e) => e.type === 'case.department-answered')).toMatchObject({ actor: { role: 'department-liaison', unitId: DEPT } });
    expect(entries.find((e) => e.type === 'case.resolved')).toMatchObject({ actor: { role: 'street-coordinator' } });

    // resolved: off the street's open list, on the operators' callback list (the timeline entry is written just
    // before the case document, so the lists may lag it by a moment)
    await eventually(async () => {
      const open = (await worklist('street-coordinator', STREET, 'open')).map((c) => c.caseNumber);
      const awaiting = (await worklist('operator', 'bf', 'awaiting-callback')).map((c) => c.caseNumber);
      return !open.includes(caseNumber) && awaiting.includes(caseNumber) ? true : undefined;
    }, { what: `${caseNumber} off the open list and awaiting its callback` });
    // the street's own callback list has it, another street's not; the city's open list no longer
    expect((await worklist('street-coordinator', STREET, 'awaiting-callback')).map((c) => c.caseNumber)).toContain(caseNumber);
    expect((await worklist('street-coordinator', 'bf-d01-s02', 'awaiting-callback')).map((c) => c.caseNumber)).not.toContain(caseNumber);
    expect((await worklist('supervisor', 'bf', 'open')).map((c) => c.caseNumber)).not.toContain(caseNumber);
    // the timeline is jurisdiction-checked too
    expect((await call('GET', `/api/v1/cases/${caseNumber}/timeline`, 'street-coordinator', 'bf-d01-s02')).status).toBe(404);
  });

  it('files cases and timelines projected before case_lists under their lists at start (migration), answering as before', async () => {
    const db = mongo.db(`${runId}_casework`);
    expect(await db.collection('schema_migrations').findOne({ _id: caseListsMigration.id as never })).toMatchObject({ finishedAt: expect.any(Date) }); // ran at start
    const caseNumber = await startCase();
    const onList = await eventually(async () => {
      const list = (await worklist('community-handler', COMMUNITY, 'open')).map((c) => c.caseNumber);
      return list.includes(caseNumber) ? list : undefined;
    }, { what: `${caseNumber} on its community's worklist` });
    const timeline = (await call('GET', `/api/v1/cases/${caseNumber}/timeline`, 'supervisor', 'bf')).body;
    expect(timeline.entries.length).toBeGreaterThan(0);
    // 网格员: their grid's case, held by the community, is on their list; another grid's worker does not see it
    expect((await worklist('grid-worker', `${COMMUNITY}-g01`, 'open')).map((c) => c.caseNumber)).toContain(caseNumber);
    expect((await worklist('grid-worker', `${COMMUNITY}-g02`, 'open')).map((c) => c.caseNumber)).not.toContain(caseNumber);

    await db.collection('case_lists').deleteMany({}); // a deployment from before the lists
    expect(await worklist('community-handler', COMMUNITY, 'open')).toEqual([]);
    expect(await caseListsMigration.run(db as never)).toMatch(/^\d+ cases and \d+ timeline entries filed in \d+ lists$/);
    await caseListsMigration.run(db); // again: nothing doubles
    await orderedCaseListsMigration.run(db); // the city's lists went with the collection too (a start runs every migration)
    expect((await worklist('community-handler', COMMUNITY, 'open')).map((c) => c.caseNumber)).toEqual(onList);
    expect((await worklist('grid-worker', `${COMMUNITY}-g01`, 'open')).map((c) => c.caseNumber)).toContain(caseNumber);
    expect((await call('GET', `/api/v1/cases/${caseNumber}/timeline`, 'supervisor', 'bf')).body).toEqual(timeline);
  });

  it('answers the city-wide lists and the callback lists with point reads by _id, nearest deadline first, also for cases filed by the migration', async () => {
    const db = mongo.db(`${runId}_casework`);
    expect(await db.collection('schema_migrations').findOne({ _id: orderedCaseListsMigration.id as never })).toMatchObject({ finishedAt: expect.any(Date) }); // ran at start
    const [first, second] = [await startCase(), await startCase()];
    const cityOpen = async () => (await worklist('supervisor', 'bf', 'open')).map((c) => c.caseNumber);
    // dispatched (their deadline set, so they stay where they are in the list)
    const before = await eventually(async () => {
      const items = (await call('GET', '/api/v1/worklist?view=open', 'supervisor', 'bf')).body.items as { caseNumber: string; deadline: string | null }[];
      const placed = [first, second].every((n) => items.some((c) => c.caseNumber === n && c.deadline !== null));
      return placed ? items.map((c) => c.caseNumber) : undefined;
    }, { what: `${first} and ${second} dispatched on the city's open list` });
    const deadlines = (await call('GET', '/api/v1/worklist?view=open', 'supervisor', 'bf')).body.items.map((c: { deadline: string | null }) => c.deadline ?? '9999');
    expect(deadlines).toEqual([...deadlines].sort());

    // what the read asks the store: only documents by _id (an index lookup on every server), never a filter over the cases
    const reads: { collection: string; method: string; filter: Record<string, unknown> }[] = [];
    const READS = ['find', 'findOne', 'aggregate', 'countDocuments', 'distinct'];
    mongoose.set('debug', (collection: string, method: string, filter: Record<string, unknown>) => reads.push({ collection, method, filter }));
    try {
      await cityOpen();
      await worklist('supervisor', 'bf', 'breached');
      await worklist('operator', 'bf', 'awaiting-callback');
    } finally {
      mongoose.set('debug', false);
    }
    // reads only: the projection may be writing (by _id) meanwhile
    const ofCases = reads.filter((r) => READS.includes(r.method)).filter((r) => r.collection === 'case_worklist' || r.collection === 'case_lists');
    expect(ofCases.length).toBeGreaterThan(2);
    expect(ofCases.filter((r) => r.method !== 'findOne' || Object.keys(r.filter).join() !== '_id' || typeof r.filter._id !== 'string')).toEqual([]);

    await db.collection('case_lists').deleteMany({ _id: { $regex: '^(city|awaiting-callback):' } } as never); // a deployment from before the ordered lists
    expect(await cityOpen()).toEqual([]);
    expect(await orderedCaseListsMigration.run(db as never)).toMatch(/^\d+ cases filed in \d+ ordered lists$/);
    await orderedCaseListsMigration.run(db); // again: nothing doubles
    expect(await cityOpen()).toEqual(before);
  });
});
