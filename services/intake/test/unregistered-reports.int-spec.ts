// A report that cannot become a case is never dropped: with the grid service away (intake has no grid data to route
// with), an app report is answered 503 and waits in the unregistered queue (API) with its reason until a dispatcher
// retries it; a hotline call waits there too, but is never dead-lettered — the grid being away is transient, so the
// consumer keeps trying and the call becomes its case by itself once the grid is back (`npm run chaos` found calls
// dead-lettered while grid restarted).
import { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { callLoggedV1, deadLetterTopicName } from '@civicflow/contracts';
import { createKafka, EventPublisher } from '@civicflow/platform';
import { EventProbe, eventually, httpAs, integrationConfig, ownTemporalNamespace, startApps, TestUser, uniqueId } from '@civicflow/testing';
import { createGridApp, gridConfigSchema, pointInside } from '@civicflow/grid';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';
import { createIntakeApp, intakeConfigSchema } from '@civicflow/intake';

const runId = uniqueId();
const API_KEY = `key-${runId}-0000000000`;
const env = integrationConfig({
  MONGO_DB_PREFIX: runId,
  KAFKA_FROM_BEGINNING: 'false',
  INTAKE_CONSUMER_GROUP: `intake-${runId}`,
  GRID_CONSUMER_GROUP: `grid-${runId}`,
  INTAKE_API_KEYS: `${API_KEY}:civic-app`,
  INTAKE_ROUTING_TIMEOUT_MS: '300',
});
const dispatcher: TestUser = { role: 'dispatcher', unitId: 'bf', userId: 'dispatcher' };
const PLACE = pointInside('bf-d01-s01-c01-g02');

/** A loopback port nothing listens on yet: where the grid service will be. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('reports that cannot become cases wait with their reason, and are retried', () => {
  const apps: INestApplication[] = [];
  const urls: Record<'intake', string> = { intake: '' };
  let gridPort: number;
  let kafka: Kafka;
  let probe: EventProbe;
  let mongo: MongoClient;

  beforeAll(async () => {
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    kafka = createKafka(`test-${runId}`, env);
    // identity issues intake's service token (svc-intake reads the grid's routing dataset with it)
    env.SERVICE_TOKEN_URL = `${(await startApps({ identity: await createIdentityApp(identityConfigSchema.parse(env)) }, apps)).identity}/api/v1/auth/token`;
    gridPort = await freePort();
    Object.assign(urls, await startApps({ intake: await createIntakeApp(intakeConfigSchema.parse({ ...env, GRID_URL: `http://127.0.0.1:${gridPort}` })) }, apps));
    probe = await new EventProbe(kafka, [deadLetterTopicName(callLoggedV1.topic)], `probe-${runId}`).start();
    mongo = await new MongoClient(env.MONGO_URL).connect();
  });

  afterAll(async () => {
    await probe?.stop();
    for (const app of apps.reverse()) await app.close();
    for (const service of ['intake', 'grid', 'identity']) await mongo?.db(`${runId}_${service}`).dropDatabase();
    await mongo?.close();
  });

  const http = httpAs(urls);

  it('keeps both in the unregistered queue; the call becomes its case when the grid is back, the app report on retry', async () => {
    // an app report: the resident's app hears 503 (and may send it again with the same reportId)
    const reportId = `r-${runId}`;
    const res = await fetch(`${urls.intake}/api/v1/reports/app`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ content: `路灯不亮 ${runId}`, location: PLACE, reporterId: 'resident-1', categoryCode: '0208', reportId }),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { message: string }).message).toMatch(/网格数据尚未加载.*grid dataset is not loaded/);

    // a hotline call: the consumer keeps trying (more than the 3 attempts after which a failing message is
    // dead-lettered), and the call waits in the queue with the reason meanwhile
    const callId = `call-${runId}`;
    const publisher = new EventPublisher(kafka, 'hotline');
    try {
      await publisher.publish(callLoggedV1, {
        key: callId, correlationId: callId,
        data: { callId, receivedAt: new Date().toISOString(), callerRef: 'caller-hash', callerMasked: '138****0000', content: `井盖丢了 ${runId}`, requestType: 'complaint', categoryCode: '0201', urgency: 'normal', location: PLACE },
      });
    } finally {
      await publisher.disconnect();
    }
    type Queue = { total: number; reports: { sourceKey: string; reason: string; attempts: number; summary: string }[] };
    const waiting = await eventually(async () => {
      const queue = (await http('intake', 'GET', '/api/v1/reports/unregistered', dispatcher)).body as Queue;
      return (queue.reports.find((r) => r.sourceKey === `hotline:${callId}`)?.attempts ?? 0) > 3 ? queue : undefined;
    }, { what: 'the call tried more than 3 times', timeoutMs: 60_000, intervalMs: 500 });
    expect(waiting.reports).toEqual(expect.arrayContaining([
      expect.objectContaining({ sourceKey: `app:civic-app/${reportId}`, reason: expect.stringMatching(/grid dataset is not loaded/), attempts: 1, summary: `路灯不亮 ${runId}` }),
      expect.objectContaining({ sourceKey: `hotline:${callId}`, reason: expect.stringMatching(/grid dataset is not loaded/) }),
    ]));
    expect((await http('intake', 'GET', '/api/v1/reports/unregistered', { role: 'community-handler', unitId: 'bf-d01-s01-c01' })).status).toBe(403);

    // the grid service comes up where intake looks for it; intake hears its dataset announced and loads it
    const grid = await createGridApp(gridConfigSchema.parse({ ...env, GRID_SEED_DEMO: 'true' }));
    apps.push(grid);
    await grid.startAllMicroservices();
    await grid.listen(gridPort, '127.0.0.1');

    // the call becomes its case by itself, and was never dead-lettered
    const byCall = await eventually(async () => {
      const r = await http('intake', 'GET', `/api/v1/cases?channel=hotline&sourceRef=${callId}`, dispatcher);
      return r.status === 200 && (r.body as { intakeStatus?: string }).intakeStatus === 'routed' ? r.body : undefined;
    }, { what: 'the call to become its case once the grid is back', timeoutMs: 60_000, intervalMs: 1000 });
    expect(byCall).toMatchObject({ content: `井盖丢了 ${runId}`, intakeStatus: 'routed', routing: { gridId: 'bf-d01-s01-c01-g02' } });
    expect(probe.messages.filter((m) => m.key === callId)).toEqual([]);

    // a dispatcher retries the app report: it becomes its case, and the queue is empty
    for (const sourceKey of [`app:civic-app/${reportId}`]) {
      const retried = await eventually(async () => {
        const r = await http('intake', 'POST', `/api/v1/reports/unregistered/${encodeURIComponent(sourceKey)}/retry`, dispatcher);
        return r.status === 200 ? r.body : undefined;
      }, { what: `the retry of ${sourceKey}`, timeoutMs: 60_000, intervalMs: 1000 });
      expect(retried).toMatchObject({ sourceKey, caseNumber: expect.stringMatching(/^\d{8}-\d{6}$/), merged: false });
    }
    expect((await http('intake', 'GET', '/api/v1/reports/unregistered', dispatcher)).body).toEqual({ total: 0, reports: [] });
  });
});
