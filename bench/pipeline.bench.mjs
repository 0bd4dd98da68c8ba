// CivicFlow's own pipeline on the real servers: call-logged events → intake (classify, dedup, route in process
// with the grid service's routing dataset) → Temporal case workflow → case.registered. Measured against the bare
// ceiling. Everything runs in this process on the bench's own namespace, task queue, database prefix and consumer
// groups (and on the bench's own Kafka broker, see scripts/bench.mjs); the databases are dropped afterwards.
import { randomUUID } from 'node:crypto';
import { benchId, config, contracts, dropDatabases, percentile, platform, quietTemporalRuntime, require, timed, withPeakRss } from './lib.mjs';

export async function benchPipeline({ namespace, calls = 150, timeoutMs = 75_000 } = {}) {
  const runId = benchId('benchpipe');
  const taskQueue = `cases-${runId}`;
  const env = {
    ...process.env, LOG_LEVEL: 'error', MONGO_DB_PREFIX: runId, TEMPORAL_NAMESPACE: namespace, CASE_TASK_QUEUE: taskQueue,
    INTAKE_CONSUMER_GROUP: `intake-${runId}`, GRID_CONSUMER_GROUP: `grid-${runId}`, KAFKA_FROM_BEGINNING: 'false', GRID_SEED_DEMO: 'true',
  };
  quietTemporalRuntime();
  const grid = require('@civicflow/grid');
  const intake = require('@civicflow/intake');
  const { createCaseWorker } = require('@civicflow/workflows/worker');
  const base = config(env);
  const kafka = platform.createKafka(`bench-${runId}`, base);
  const closing = [];
  try {
    // identity issues intake's service token for the grid's routing dataset
    const identity = require('@civicflow/identity');
    const identityApp = await identity.createIdentityApp(identity.identityConfigSchema.parse({ ...env, IDENTITY_SEED_DEMO_USERS: 'false' }));
    closing.push(() => identityApp.close());
    await identityApp.listen(0, '127.0.0.1');
    env.SERVICE_TOKEN_URL = `${await identityApp.getUrl()}/api/v1/auth/token`;
    const gridApp = await grid.createGridApp(grid.gridConfigSchema.parse(env));
    closing.push(() => gridApp.close());
    await gridApp.startAllMicroservices();
    await gridApp.listen(0, '127.0.0.1'); // init: the grid loads its dataset (the demo city) and serves it to intake, which routes in process
    const intakeApp = await intake.createIntakeApp(intake.intakeConfigSchema.parse({ ...env, GRID_URL: await gridApp.getUrl() }));
    closing.push(() => intakeApp.close());
    await intakeApp.startAllMicroservices();
    await intakeApp.listen(0, '127.0.0.1');
    const worker = await createCaseWorker({ temporalAddress: base.TEMPORAL_ADDRESS, namespace, taskQueue, kafka });
    const polling = worker.worker.run();
    closing.push(async () => {
      if (worker.worker.getState() === 'RUNNING') worker.worker.shutdown();
      await polling;
      await worker.close();
    });

    const registeredAt = new Map();
    const consumer = kafka.consumer({ groupId: `bench-probe-${runId}` });
    closing.push(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topic: contracts.caseRegisteredV1.topic, fromBeginning: false });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value.toString());
        if (event.type === 'case.registered') registeredAt.set(event.data.sourceRef, Date.now());
      },
    });
    await joined;

    const city = grid.demoCity();
    const gridIds = city.grids.features.map((f) => f.properties.id);
    const categories = ['0208', '0204', '0202', '0205', '0203'];
    const publisher = new platform.EventPublisher(kafka, 'bench');
    closing.push(() => publisher.disconnect());
    await publisher.connect();
    const sentAt = new Map();
    const { value: run, peakMb } = await withPeakRss(() => timed(async () => {
      const events = Array.from({ length: calls }, (_, i) => {
        const callId = randomUUID();
        return publisher.build(contracts.callLoggedV1, {
          key: callId, correlationId: callId,
          data: {
            callId, receivedAt: new Date().toISOString(), callerRef: `bench-${i}`, callerMasked: '138****0000', content: '基准测试 bench call',
            requestType: 'complaint', urgency: 'normal', categoryCode: categories[i % categories.length],
            // 7919 is prime to the 800 grids: every call in a grid of its own, so dedup merges none of them
            location: grid.pointInside(gridIds[(i * 7919) % gridIds.length]),
          },
        });
      });
      for (const e of events) sentAt.set(e.data.callId, Date.now());
      await publisher.publishAll(events);
      const deadline = Date.now() + timeoutMs;
      while (registeredAt.size < calls && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    }));
    const latencies = [...registeredAt].filter(([callId]) => sentAt.has(callId)).map(([callId, at]) => at - sentAt.get(callId)).sort((a, b) => a - b);
    const done = latencies.length;
    return [{
      bench: `pipeline: call → routed case → workflow → case.registered${done < calls ? ` (${calls - done} of ${calls} not done in ${timeoutMs / 1000} s)` : ''}`,
      count: done, seconds: run.seconds, rate: done / run.seconds, unit: 'cases/s', p50: percentile(latencies, 50), p95: percentile(latencies, 95), rssMb: peakMb,
    }];
  } finally {
    for (const close of closing.reverse()) await close().catch((e) => console.warn(`  (closing: ${e?.message})`));
    await dropDatabases(base.MONGO_URL, runId).catch((e) => console.warn(`  (could not drop the bench databases: ${e?.message})`));
  }
}
