// Live SLA timers at scale (issue 16, part 5): `cases` open case workflows whose acceptance deadlines (签收时限) fall
// within one `spreadMinutes` span, then how late each breach (超时 → 升级 to the street) fires after its deadline.
// The cases start open-loop at a steady cases/spreadMinutes, each with an acceptance window of spreadMinutes
// (natural time), so the last starts as the first deadline falls and every case is live when the span begins.
// The real case workflow on the real case worker (in this process) and the Temporal dev server; lateness is read on
// the probe's clock when `case.sla-breached` reaches Kafka (what a user would see) and on the workflow's own clock
// (`occurredAt`, when the timer fired). A smaller run keeps the density: 5,000 cases over 3 minutes breach at the
// same ~28/s as 100,000 over an hour, with fewer workflows alive.
import { randomInt, randomUUID } from 'node:crypto';
import { benchId, config, contracts, percentile, platform, quietTemporalRuntime, require, rssMb } from './lib.mjs';
import { cpuSeconds, serverPids } from './system.mjs';

export async function benchTimers({
  namespace, kafkaStatus,
  cases = Number(process.env.BENCH_TIMERS ?? 100_000),
  spreadMinutes = Number(process.env.BENCH_TIMERS_SPREAD_MINUTES ?? 60),
  drainSeconds = Number(process.env.BENCH_TIMERS_DRAIN_SECONDS ?? 300),
} = {}) {
  const runId = benchId('benchtimers');
  const taskQueue = `cases-${runId}`;
  quietTemporalRuntime();
  const { Client, Connection } = require('@temporalio/client');
  const { createCaseWorker, withProfiles } = require('@civicflow/workflows/worker');
  const { CASE_WORKFLOW_TYPE } = require('@civicflow/workflows');
  const grid = require('@civicflow/grid');
  const { GridMap, routeLocation } = require('@civicflow/grid-routing');
  const base = config();
  const kafka = platform.createKafka(`bench-${runId}`, base);
  const windowOf = (amount, unit) => ({ basis: 'natural', amount, unit });
  const slaProfiles = withProfiles({
    '*': {
      zh: '基准：签收时限等于分布时长', en: 'bench: acceptance window = the spread',
      windows: {
        acceptance: windowOf(spreadMinutes, 'minutes'), 'community-handling': windowOf(30, 'days'), 'street-handling': windowOf(30, 'days'),
        'department-report-in': windowOf(30, 'days'), 'department-answer': windowOf(30, 'days'), callback: windowOf(30, 'days'), mediation: windowOf(30, 'days'),
      },
      warningFraction: 0.8,
      maxTotalSuspension: windowOf(30, 'days'),
    },
  });
  const closing = [];
  try {
    const worker = await createCaseWorker({ temporalAddress: base.TEMPORAL_ADDRESS, namespace, taskQueue, kafka, slaProfiles });
    const polling = worker.worker.run();
    closing.push(async () => {
      if (worker.worker.getState() === 'RUNNING') worker.worker.shutdown();
      await polling;
      await worker.close();
    });
    const connection = await Connection.connect({ address: base.TEMPORAL_ADDRESS });
    closing.push(() => connection.close());
    const client = new Client({ connection, namespace });

    // the probe: breaches of this run's cases, on arrival
    // case numbers are YYYYMMDD-NNNNNN: a made-up "day" of this run tells its breaches from others' on the shared topic
    const prefix = `21${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const breaches = new Map();
    const consumer = kafka.consumer({ groupId: `bench-probe-${runId}` });
    closing.push(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topic: contracts.caseSlaBreachedV1.topic, fromBeginning: false });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const arrived = Date.now();
        for (const message of batch.messages) {
          const event = JSON.parse(message.value.toString());
          if (event.type !== 'case.sla-breached' || !event.data.caseNumber.startsWith(`${prefix}-`) || event.data.window !== 'acceptance') continue;
          if (!breaches.has(event.data.caseNumber)) breaches.set(event.data.caseNumber, { arrived, fired: Date.parse(event.data.occurredAt), deadline: Date.parse(event.data.deadline) });
        }
      },
    });
    await joined;

    // each case routed as intake routes it: a point inside one of the demo city's grids, through the routing dataset
    const city = grid.demoCity();
    const map = GridMap.build(city.units, city.grids.features.map((f) => ({ ...f.properties, boundary: f.geometry })));
    const gridIds = city.grids.features.map((f) => f.properties.id);
    const routingOf = (gridId) => {
      const { gridId: routed, communityId, streetId, districtId, orgPath } = routeLocation(map, { point: grid.pointInside(gridId) });
      return { gridId: routed, communityId, streetId, districtId, orgPath };
    };
    const processes = [{ name: 'bench (worker + starter)', pid: process.pid }, ...(await serverPids({ kafkaStatus }))];
    const cpuBefore = processes.map((p) => cpuSeconds(p.pid));
    const spreadMs = spreadMinutes * 60_000;
    const started = Date.now();
    const startLag = [];
    const refused = [];
    let inFlight = 0;
    let lastProgress = started;
    // open loop: the i-th case starts at started + i × spread / cases, whatever the server's answers
    await Promise.all(Array.from({ length: cases }, (_, i) => new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (i * spreadMs) / cases - Date.now())))
      .then(async () => {
        const due = started + (i * spreadMs) / cases;
        startLag.push(Date.now() - due);
        inFlight += 1;
        const caseNumber = `${prefix}-${String(i).padStart(6, '0')}`;
        const callId = randomUUID();
        try {
          await client.workflow.start(CASE_WORKFLOW_TYPE, {
            workflowId: caseNumber, taskQueue,
            args: [{
              caseNumber, channel: 'hotline', sourceRef: callId, requestType: 'complaint', urgency: 'normal', categoryCode: '0208',
              intakeStatus: 'routed', routing: routingOf(gridIds[i % gridIds.length]), registeredAt: new Date().toISOString(),
              correlationId: callId, summary: '基准测试 timers bench',
            }],
          });
        } catch (error) {
          refused.push(error);
        } finally {
          inFlight -= 1;
          if (Date.now() - lastProgress > 30_000) {
            lastProgress = Date.now();
            console.log(`    ${i + 1} of ${cases} started (${inFlight} starts in flight), ${breaches.size} breaches seen`);
          }
        }
      })));
    const allStarted = Date.now();
    const waitUntil = allStarted + spreadMs + drainSeconds * 1000;
    while (breaches.size < cases - refused.length && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (Date.now() - lastProgress > 30_000) {
        lastProgress = Date.now();
        console.log(`    ${breaches.size} of ${cases - refused.length} breaches seen`);
      }
    }
    const wall = (Date.now() - started) / 1000;
    const cpu = processes.map((p, i) => `${p.name} ${(cpuSeconds(p.pid) - cpuBefore[i]).toFixed(0)}`).join(', ');
    const seen = [...breaches.values()];
    const sorted = (values) => values.sort((a, b) => a - b);
    const arrivedLate = sorted(seen.map((b) => b.arrived - b.deadline));
    const firedLate = sorted(seen.map((b) => b.fired - b.deadline));
    const lags = sorted(startLag);
    const missing = cases - refused.length - seen.length;
    const label = `${cases} cases started over ${spreadMinutes} min (start lag p99 ${percentile(lags, 99)} ms${refused.length ? `, ${refused.length} refused: ${refused[0]?.message}` : ''})`;
    return [
      {
        bench: `timers ${label}: deadline → case.sla-breached on Kafka${missing ? ` (${missing} not seen within ${drainSeconds} s of the last deadline)` : ''}; CPU s: ${cpu}`,
        count: seen.length, seconds: wall, rate: seen.length / (spreadMs / 1000), unit: 'breaches/s due',
        p50: percentile(arrivedLate, 50), p95: percentile(arrivedLate, 95), p99: percentile(arrivedLate, 99), rssMb: rssMb(),
      },
      {
        bench: 'timers: deadline → the timer fired (the workflow’s clock, occurredAt of the breach)',
        count: seen.length, seconds: wall, rate: seen.length / (spreadMs / 1000), unit: 'breaches/s due',
        p50: percentile(firedLate, 50), p95: percentile(firedLate, 95), p99: percentile(firedLate, 99),
      },
    ];
  } finally {
    for (const close of closing.reverse()) await close().catch((e) => console.warn(`  (closing: ${e?.message})`));
  }
}
