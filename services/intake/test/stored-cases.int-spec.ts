// Intake's stored cases of the old shape (a `cases` copy with a status that never changed, `case_sources`) move to
// reports and claimed numbers when intake starts, once; a report the old allocator lost (two reports, one number)
// shows in the unregistered queue. After the move, and with a database restored behind Temporal (workflows of other
// reports hold numbers the day counter would hand out again), a new report still gets a number of its own.
import { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { CASE_WORKFLOW_TYPE } from '@civicflow/workflows';
import { chinaDate, httpAs, integrationConfig, ownTemporalNamespace, startApps, TestUser, uniqueId } from '@civicflow/testing';
import { createGridApp, gridConfigSchema } from '@civicflow/grid';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';
import { createIntakeApp, intakeConfigSchema, StoredCaseV0, storedCasesMigration } from '@civicflow/intake';

const runId = uniqueId();
const API_KEY = `key-${runId}-0000000000`;
const env = integrationConfig({
  MONGO_DB_PREFIX: runId,
  KAFKA_FROM_BEGINNING: 'false',
  INTAKE_CONSUMER_GROUP: `intake-${runId}`,
  GRID_CONSUMER_GROUP: `grid-${runId}`,
  INTAKE_API_KEYS: `${API_KEY}:civic-app`,
});
const dispatcher: TestUser = { role: 'dispatcher', unitId: 'bf', userId: 'dispatcher' };
// the old cases are numbered on today's China date; a run across midnight in China registers the new report on the
// next date, whose first numbers Temporal holds as well (below), so either way the report meets numbers taken
const today = chinaDate().replace(/-/g, '');
const tomorrow = chinaDate(Date.now() + 86_400_000).replace(/-/g, '');
const number = (n: number, day = today) => `${day}-${String(n).padStart(6, '0')}`;
const heldByWorkflows = [...[4, 5, 6, 7, 8, 9].map((n) => number(n)), ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => number(n, tomorrow))];
const at = new Date(Date.now() - 3_600_000);

function oldCase(n: number, fields: Partial<StoredCaseV0> = {}): StoredCaseV0 {
  return {
    _id: number(n), channel: 'hotline', sourceRef: `old-call-${n}-${runId}`, requestType: 'complaint', urgency: 'normal', priority: 'normal', categoryCode: '0205',
    slaProfile: 'standard', department: 'urban-management', isDispute: false, content: `旧案件 ${n} 下水道堵了`, photos: [], status: 'routed',
    routing: { method: 'point', gridId: 'bf-d01-s01-c01-g01', gridName: '锦华社区第1网格', communityId: 'bf-d01-s01-c01', communityName: '锦华社区', streetId: 'bf-d01-s01', streetName: '友谊路街道', districtId: 'bf-d01' },
    orgPath: ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'bf-d01-s01-c01-g01'],
    reporters: [{ channel: 'hotline', sourceRef: `old-call-${n}-${runId}`, reporterRef: `caller-${n}`, reportedAt: at }],
    registeredAt: at, correlationId: `old-${n}`,
    ...fields,
  };
}

describe('stored cases of the old shape, and a database restored behind Temporal', () => {
  const apps: INestApplication[] = [];
  const urls: Record<'intake', string> = { intake: '' };
  let mongo: MongoClient;
  let temporal: Client;
  const db = () => mongo.db(`${runId}_intake`);

  beforeAll(async () => {
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    mongo = await new MongoClient(env.MONGO_URL).connect();
    temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE });
    // what the old intake left: three cases (the third with a report merged into it) and their sources, one of them
    // the call that vanished — the old allocator gave it number 2, which the second case holds
    await db().collection<StoredCaseV0>('cases').insertMany([
      oldCase(1),
      oldCase(2, { content: '旧案件 2 排水沟满了' }),
      oldCase(3, { status: 'manual-queue', manualQueueReason: 'outside-every-grid', routing: undefined, orgPath: [], reporters: [
        { channel: 'hotline', sourceRef: `old-call-3-${runId}`, reporterRef: 'caller-3', reportedAt: at },
        { channel: 'app', sourceRef: `civic-app/old-r-${runId}`, reporterRef: 'app:x', reportedAt: at },
      ] }),
    ]);
    await db().collection('case_sources').insertMany([1, 2, 3].map((n) => ({ _id: `hotline:old-call-${n}-${runId}`, caseNumber: number(n), merged: false, at })) as never[]);
    await db().collection('case_sources').insertMany([
      { _id: `app:civic-app/old-r-${runId}`, caseNumber: number(3), merged: true, at },
      { _id: `hotline:vanished-${runId}`, caseNumber: number(2), merged: false, at },
    ] as never[]);
    // and Temporal holds workflows of numbers 4–9 (and 1–9 of the next date) for reports this database never saw (a
    // restore from last week)
    for (const caseNumber of heldByWorkflows) {
      const n = Number(caseNumber.slice(-6));
      await temporal.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: caseNumber, taskQueue: env.CASE_TASK_QUEUE, args: [{ caseNumber }], memo: { source: `hotline:elsewhere-${n}` } });
    }
    // identity issues intake's service token (svc-intake reads the grid's routing dataset with it)
    env.SERVICE_TOKEN_URL = `${(await startApps({ identity: await createIdentityApp(identityConfigSchema.parse(env)) }, apps)).identity}/api/v1/auth/token`;
    const { grid } = await startApps({ grid: await createGridApp(gridConfigSchema.parse({ ...env, GRID_SEED_DEMO: 'true' })) }, apps);
    env.GRID_URL = grid;
    Object.assign(urls, await startApps({ intake: await createIntakeApp(intakeConfigSchema.parse(env)) }, apps));
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await temporal?.connection.close();
    for (const service of ['intake', 'grid', 'identity']) await mongo?.db(`${runId}_${service}`).dropDatabase();
    await mongo?.close();
  });

  const http = httpAs(urls);

  it('moves the stored cases to reports and numbers at start, once; the lost call waits in the unregistered queue', async () => {
    const second = await http('intake', 'GET', `/api/v1/cases/${number(2)}`, dispatcher);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ caseNumber: number(2), content: '旧案件 2 排水沟满了', intakeStatus: 'routed', routing: { communityId: 'bf-d01-s01-c01' } });
    expect(second.body).not.toHaveProperty('status');
    const merged = await http('intake', 'GET', `/api/v1/cases?channel=app&sourceRef=civic-app/old-r-${runId}`, dispatcher);
    expect(merged.body).toMatchObject({ caseNumber: number(3), mergedInto: number(3), intakeStatus: 'manual-queue', manualQueueReason: 'outside-every-grid' });
    expect(merged.body.reporters.map((r: { sourceRef: string }) => r.sourceRef)).toEqual([`old-call-3-${runId}`, `civic-app/old-r-${runId}`]);

    const lost = await http('intake', 'GET', '/api/v1/reports/unregistered', dispatcher);
    expect(lost.body.reports).toEqual([expect.objectContaining({ sourceKey: `hotline:vanished-${runId}`, reason: expect.stringContaining(number(2)) })]);

    // once: recorded, and running it again changes nothing
    expect(await db().collection('schema_migrations').findOne({ _id: storedCasesMigration.id as never })).toMatchObject({ finishedAt: expect.any(Date) });
    const counts = async () => [await db().collection('reports').countDocuments(), await db().collection('case_numbers').countDocuments(), await db().collection('unregistered_reports').countDocuments()];
    const before = await counts();
    expect(before).toEqual([4, 3, 1]);
    await storedCasesMigration.run(db());
    expect(await counts()).toEqual(before);
  });

  it('gives a new report a number of its own: past the migrated cases and the workflows of other reports', async () => {
    const res = await fetch(`${urls.intake}/api/v1/reports/app`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ content: `新上报 ${runId} 路灯不亮`, address: '火星市宇宙路 9 号', reporterId: 'resident-1', reportId: `new-${runId}` }),
    });
    expect(res.status).toBe(201);
    const { caseNumber } = (await res.json()) as { caseNumber: string };
    const taken = [...[1, 2, 3].map((n) => number(n)), ...heldByWorkflows];
    expect(taken).not.toContain(caseNumber);
    expect(((await temporal.workflow.getHandle(caseNumber).describe()).memo as { source: string }).source).toBe(`app:civic-app/new-${runId}`);
    // the numbers it met on the way stay claimed by the workflows that hold them, never handed out again
    const met = await db().collection('case_numbers').find({ takenBy: { $exists: true } }).toArray();
    expect(met.length).toBeGreaterThan(0);
    for (const doc of met) expect(doc.takenBy).toBe(`hotline:elsewhere-${Number(String(doc._id).slice(-6))}`);
    const shown = await http('intake', 'GET', `/api/v1/cases/${caseNumber}`, dispatcher);
    expect(shown.body).toMatchObject({ content: `新上报 ${runId} 路灯不亮`, intakeStatus: 'manual-queue' });
  });
});
