// Case numbers unique and never shared, on the native MongoDB-protocol server: two intake processes (same database,
// same consumer group) take 500 calls logged at once on the hotline, then every call delivered again; and 500 app
// reports each sent at once to both processes. Every report becomes exactly one case of its own, holding its own
// words, with one workflow started for it (its memo names the report).
import { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { callLoggedV1, EventEnvelope } from '@civicflow/contracts';
import { createKafka, EventPublisher } from '@civicflow/platform';
import { bearerFor, EventProbe, eventually, integrationConfig, ownTemporalNamespace, uniqueId } from '@civicflow/testing';
import { createGridApp, demoCity, gridConfigSchema, pointInside } from '@civicflow/grid';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';
import { createHotlineApp, hotlineConfigSchema } from '@civicflow/hotline';
import { createIntakeApp, intakeConfigSchema } from '@civicflow/intake';

const runId = uniqueId();
const env = integrationConfig({
  MONGO_DB_PREFIX: runId,
  HOTLINE_CONSUMER_GROUP: `hotline-${runId}`,
  INTAKE_CONSUMER_GROUP: `intake-${runId}`,
  GRID_CONSUMER_GROUP: `grid-${runId}`,
  KAFKA_FROM_BEGINNING: 'false',
  INTAKE_API_KEYS: `key-${runId}-0000000000:load-app:app`,
});
const N = 500;
const LONG = 300_000;
// every report in a grid of its own (7919 is prime to the 800 grids): dedup has nothing to merge
const gridIds = demoCity().grids.features.map((f) => f.properties.id);
const placeOf = (i: number, shift: number) => pointInside(gridIds[(i * 7919 + shift) % gridIds.length]);

interface CaseDetail {
  caseNumber: string;
  sourceRef: string;
  content: string;
}

describe('case numbers: two intake processes, concurrent and repeated deliveries', () => {
  const apps: INestApplication[] = [];
  const intakeUrls: string[] = [];
  let hotlineUrl: string;
  let kafka: Kafka;
  let probe: EventProbe;
  let temporal: Client;
  let mongo: MongoClient;
  const seen = new Set<string>();

  beforeAll(async () => {
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    kafka = createKafka(`test-${runId}`, env);
    const start = async (app: INestApplication) => {
      apps.push(app);
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
      return app.getUrl();
    };
    // identity issues intake's service token (svc-intake reads the grid's routing dataset with it)
    env.SERVICE_TOKEN_URL = `${await start(await createIdentityApp(identityConfigSchema.parse(env)))}/api/v1/auth/token`;
    const gridUrl = await start(await createGridApp(gridConfigSchema.parse({ ...env, GRID_SEED_DEMO: 'true' })));
    hotlineUrl = await start(await createHotlineApp(hotlineConfigSchema.parse(env)));
    // two intake processes: one database, one consumer group
    for (let i = 0; i < 2; i++) intakeUrls.push(await start(await createIntakeApp(intakeConfigSchema.parse({ ...env, GRID_URL: gridUrl }))));
    probe = await new EventProbe(kafka, [callLoggedV1.topic], `probe-${runId}`).start();
    temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE });
    mongo = await new MongoClient(env.MONGO_URL).connect();
  }, LONG);

  afterAll(async () => {
    await probe?.stop();
    for (const app of apps.reverse()) await app.close();
    await temporal?.connection.close();
    for (const service of ['hotline', 'intake', 'grid', 'identity']) await mongo?.db(`${runId}_${service}`).dropDatabase();
    await mongo?.close();
  });

  const dispatcher = () => bearerFor('dispatcher', 'bf');

  /** Registration done for this many reports of a channel (the test waits on the database, then reads over HTTP). */
  const handedOver = (channel: string) => mongo.db(`${runId}_intake`).collection('reports').countDocuments({ channel, handedOverAt: { $exists: true } });

  /** Every case is its report's own: distinct numbers, the report's words, one workflow whose memo names the report. */
  async function expectOwnCases(channel: string, sourceRefs: readonly string[], contentOf: (i: number) => string): Promise<string[]> {
    const token = await dispatcher();
    const numbers: string[] = [];
    for (let i = 0; i < sourceRefs.length; i++) {
      const res = await fetch(`${intakeUrls[i % 2]}/api/v1/cases?channel=${channel}&sourceRef=${encodeURIComponent(sourceRefs[i])}`, { headers: { authorization: token } });
      expect(res.status).toBe(200);
      const found = (await res.json()) as CaseDetail;
      expect({ sourceRef: found.sourceRef, content: found.content }).toEqual({ sourceRef: sourceRefs[i], content: contentOf(i) });
      numbers.push(found.caseNumber);
    }
    expect(new Set(numbers).size).toBe(sourceRefs.length);
    for (const n of numbers) expect(seen.has(n)).toBe(false);
    numbers.forEach((n) => seen.add(n));
    const owners = await Promise.all(numbers.map(async (n) => ((await temporal.workflow.getHandle(n).describe()).memo as { source?: string }).source));
    expect(owners).toEqual(sourceRefs.map((ref) => `${channel}:${ref}`));
    return numbers;
  }

  it('500 calls logged at once, then every call delivered again: 500 cases, each its own call, one workflow each', async () => {
    const contentOf = (i: number) => `第 ${i} 号来电:路灯不亮 call ${i} of ${runId}`;
    const operator = await bearerFor('operator', 'bf');
    const callIds = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const res = await fetch(`${hotlineUrl}/api/v1/calls`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: operator },
          body: JSON.stringify({ callerNumber: `139${String(i).padStart(8, '0')}`, content: contentOf(i), requestType: 'complaint', categoryCode: '0208', location: placeOf(i, 0) }),
        });
        expect(res.status).toBe(202);
        return ((await res.json()) as { callId: string }).callId;
      }),
    );
    // every call delivered a second time (a new event id: not the consumer's dedup, registration's own idempotence)
    const logged = await eventually(async () => {
      const events = probe.messages.map((m) => m.event).filter((e): e is EventEnvelope => e?.type === callLoggedV1.type && callIds.includes(e.key));
      return events.length >= N ? events : undefined;
    }, { timeoutMs: 120_000, what: 'every call on Kafka' });
    const publisher = new EventPublisher(kafka, 'test');
    try {
      await publisher.publishAll(logged.map((event) => publisher.build(callLoggedV1, { key: event.key, correlationId: event.correlationId, data: event.data as never })));
    } finally {
      await publisher.disconnect();
    }
    await eventually(async () => ((await handedOver('hotline')) >= N ? true : undefined), { timeoutMs: 240_000, intervalMs: 1000, what: `${N} calls registered` });
    const byContent = new Map(callIds.map((id, i) => [id, contentOf(i)]));
    await expectOwnCases('hotline', callIds, (i) => byContent.get(callIds[i])!);
    // the second deliveries made nothing more, and nothing is stuck
    expect(await handedOver('hotline')).toBe(N);
    expect((await temporal.workflow.count(`WorkflowType = 'caseWorkflow'`)).count).toBe(N);
    const stuck = await fetch(`${intakeUrls[0]}/api/v1/reports/unregistered`, { headers: { authorization: await dispatcher() } });
    expect(await stuck.json()).toEqual({ total: 0, reports: [] });
  }, LONG);

  it('500 app reports each sent at once to both intake processes: 500 cases, both answers name the same one', async () => {
    const contentOf = (i: number) => `第 ${i} 号上报:垃圾桶满了 report ${i} of ${runId}`;
    const reportIds = Array.from({ length: N }, (_, i) => `r-${runId}-${i}`);
    const send = (url: string, i: number) =>
      fetch(`${url}/api/v1/reports/app`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': `key-${runId}-0000000000` },
        body: JSON.stringify({ content: contentOf(i), categoryCode: '0204', location: placeOf(i, 1), reporterId: `resident-${i}`, reportId: reportIds[i] }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { caseNumber: string } }));
    const answers = await Promise.all(reportIds.map((_, i) => Promise.all([send(intakeUrls[0], i), send(intakeUrls[1], i)])));
    for (const [a, b] of answers) {
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.caseNumber).toBe(a.body.caseNumber);
    }
    expect(await handedOver('app')).toBe(N);
    const numbers = await expectOwnCases('app', reportIds.map((id) => `load-app/${id}`), contentOf);
    expect(numbers).toEqual(answers.map(([a]) => a.body.caseNumber));
    expect((await temporal.workflow.count(`WorkflowType = 'caseWorkflow'`)).count).toBe(2 * N);
  }, LONG);
});
