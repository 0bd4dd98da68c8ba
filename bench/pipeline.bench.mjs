// CivicFlow's own pipeline on the real servers: call-logged events → intake (classify, dedup, route through the
// grid service over Kafka request/reply) → Temporal workflow → case.registered. Measured against the bare ceiling.
import { randomUUID } from 'node:crypto';
import { config, contracts, percentile, platform, require, rssMb, timed } from './lib.mjs';

export async function benchPipeline({ calls = 300 } = {}) {
  const runId = `bench${Date.now().toString(36)}`;
  const env = { ...process.env, LOG_LEVEL: 'error', MONGO_DB_PREFIX: runId, INTAKE_CONSUMER_GROUP: `intake-${runId}`, GRID_CONSUMER_GROUP: `grid-${runId}`, KAFKA_FROM_BEGINNING: 'false', GRID_SEED_DEMO: 'true' };
  const { Runtime, DefaultLogger } = require('@temporalio/worker');
  try { Runtime.install({ logger: new DefaultLogger('WARN') }); } catch { /* installed by an earlier bench */ }
  const grid = require('@civicflow/grid');
  const intake = require('@civicflow/intake');
  const { createCaseWorker } = require('@civicflow/workflows/worker');
  const base = config();
  const kafka = platform.createKafka(`bench-${runId}`, base);

  const gridApp = await grid.createGridApp(grid.gridConfigSchema.parse(env));
  await gridApp.startAllMicroservices();
  const intakeApp = await intake.createIntakeApp(intake.intakeConfigSchema.parse(env));
  await intakeApp.startAllMicroservices();
  const worker = await createCaseWorker({ temporalAddress: base.TEMPORAL_ADDRESS, namespace: base.TEMPORAL_NAMESPACE, kafka });
  const running = worker.worker.run();

  const registeredAt = new Map();
  const consumer = kafka.consumer({ groupId: `bench-probe-${runId}` });
  await consumer.connect();
  await consumer.subscribe({ topic: contracts.caseRegisteredV1.topic, fromBeginning: false });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value.toString());
      registeredAt.set(event.data.sourceRef, Date.now());
    },
  });
  await joined;

  const city = grid.demoCity();
  const gridIds = city.grids.features.map((f) => f.properties.id);
  const categories = ['0208', '0204', '0202', '0205', '0203'];
  const publisher = new platform.EventPublisher(kafka, 'bench');
  const sentAt = new Map();
  try {
    const run = await timed(async () => {
      const events = Array.from({ length: calls }, (_, i) => {
        const callId = randomUUID();
        return publisher.build(contracts.callLoggedV1, {
          key: callId, correlationId: callId,
          data: {
            callId, receivedAt: new Date().toISOString(), callerRef: `bench-${i}`, callerMasked: '138****0000', content: '基准测试 bench call',
            requestType: 'complaint', urgency: 'normal', categoryCode: categories[i % categories.length],
            location: grid.pointInside(gridIds[(i * 7919) % gridIds.length]),
          },
        });
      });
      for (const e of events) sentAt.set(e.data.callId, Date.now());
      await publisher.publishAll(events);
      const deadline = Date.now() + 15 * 60_000;
      while (registeredAt.size < calls && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    });
    const latencies = [...registeredAt].map(([callId, at]) => at - (sentAt.get(callId) ?? at)).sort((a, b) => a - b);
    return [{
      bench: 'pipeline: call → routed case → workflow → case.registered', count: registeredAt.size, seconds: run.seconds,
      rate: registeredAt.size / run.seconds, unit: 'cases/s', p50: percentile(latencies, 50), p95: percentile(latencies, 95), rssMb: rssMb(),
    }];
  } finally {
    await consumer.disconnect();
    await publisher.disconnect();
    worker.worker.shutdown();
    await running;
    await worker.publisher.disconnect();
    await worker.connection.close();
    await intakeApp.close();
    await gridApp.close();
  }
}
