// `npm run bench [-- part…]`: measures the pieces the design brief names as limits, on real local servers:
// Kafka publishing (batched vs one by one), the bare Temporal server's workflow ceiling, CivicFlow's own pipeline
// (call → intake → grid routing → workflow → case.registered) against it, and the supervisor's statistics API
// over 20,000 case facts, intake's database work per case at 0 and 20,000 stored cases, and an idle system's CPU
// per process, open-loop load through the hotline API of the whole system, and the console's JavaScript weight and
// first loads in Chromium. Prints a table. Parts: kafka, temporal, pipeline, statistics, console, intake, idle, load
// (default: all of these), and growth (per-case cost at 0 to 200,000 stored cases; only when named).
//
// The bench never touches the running system's data: Temporal and FerretDB are the dev servers (`npm start`'s),
// used through a namespace, task queues and database prefix of the run's own (deleted at the end); Kafka is a
// broker of the bench's own (.civicflow/bench-infra, port base 29000: 29092), because topics are fixed names
// (civicflow.<context>.v1) and the running services would consume whatever the bench published on the dev broker.
// See bench/README.md.
import { join } from 'node:path';
import { buildConsoleWeb, checkNode, ensureDependencies, infra, main, root, runOrFail, step, StepError } from './lib/run.mjs';

const PARTS = {
  kafka: { projects: ['libs/contracts', 'libs/domain', 'libs/platform'] },
  temporal: { projects: ['libs/contracts', 'libs/domain', 'libs/platform', 'workflows', 'libs/testing'] },
  pipeline: { projects: ['libs/contracts', 'libs/domain', 'libs/grid-routing', 'libs/platform', 'workflows', 'libs/testing', 'services/grid', 'services/intake'] },
  statistics: { projects: ['libs/contracts', 'libs/domain', 'libs/platform', 'workflows', 'libs/testing', 'services/grid', 'services/casework'] },
  console: { projects: ['libs/contracts', 'libs/domain', 'libs/platform', 'services/console'] },
  intake: { projects: ['libs/contracts', 'libs/domain', 'libs/grid-routing', 'libs/platform', 'workflows', 'services/grid', 'services/intake'] },
  // the whole system as processes (bench/system.mjs)
  idle: { projects: ['tsconfig.build.json'] },
  load: { projects: ['tsconfig.build.json'] },
  // stores of up to 200,000 cases (~40 min) and 100,000 live timers (~2 h) run only when named
  growth: { projects: ['tsconfig.build.json'], onlyWhenAsked: true },
  timers: { projects: ['libs/contracts', 'libs/domain', 'libs/grid-routing', 'libs/platform', 'workflows', 'services/grid'], onlyWhenAsked: true },
};

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((p) => !(p in PARTS));
const parts = requested.length > 0 ? Object.keys(PARTS).filter((p) => requested.includes(p)) : Object.keys(PARTS).filter((p) => !PARTS[p].onlyWhenAsked);
const STEPS = 5;

// The bench's own Kafka broker (same launcher, own folder; the tools are shared: <repo>/.civicflow/tools), moved like
// any instance by one port base (BENCH_PORT_BASE, default 29000): its ports are the base plus the launcher's offsets
// (Kafka 29092, controller 29093), so a moved dev instance's own KAFKA_PORT never leaks into it.
const devHome = process.env.CIVICFLOW_HOME ?? join(root, '.civicflow');
const benchKafka = {
  CIVICFLOW_HOME: process.env.BENCH_CIVICFLOW_HOME ?? join(devHome, 'bench-infra'),
  CIVICFLOW_PORT_BASE: process.env.BENCH_PORT_BASE ?? '29000',
  KAFKA_PORT: undefined,
  KAFKA_CONTROLLER_PORT: undefined,
};

/** Runs fn with the launcher's environment switched to the bench's Kafka (the launcher reads it on each call). */
async function asBenchKafka(fn) {
  const saved = Object.fromEntries(Object.keys(benchKafka).map((k) => [k, process.env[k]]));
  const put = (k, v) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
  for (const [k, v] of Object.entries(benchKafka)) put(k, v);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) put(k, v);
  }
}

main(async () => {
  checkNode();
  if (unknown.length > 0) throw new StepError(`unknown bench part ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
  await step(STEPS, 'dependencies', ensureDependencies);
  const launcher = await infra();
  const native = launcher.infraMode() === 'native';
  let startedKafka = false;
  await step(STEPS, 'infrastructure: the dev servers (Temporal, FerretDB) and the bench’s own Kafka', async () => {
    if (!native) {
      console.log(`  CIVICFLOW_INFRA=${launcher.infraMode()}: using KAFKA_BROKERS, TEMPORAL_ADDRESS, MONGO_URL as given (BENCH_KAFKA_BROKERS overrides the broker)`);
      if (process.env.BENCH_KAFKA_BROKERS) process.env.KAFKA_BROKERS = process.env.BENCH_KAFKA_BROKERS;
      return;
    }
    const dev = await launcher.up({ servers: ['temporal', 'ferretdb'], log: (l) => console.log(`  ${l}`) });
    process.env.TEMPORAL_ADDRESS ??= dev.endpoints.temporalAddress;
    process.env.MONGO_URL ??= dev.endpoints.mongoUrl;
    const kafka = await asBenchKafka(() => launcher.up({ servers: ['kafka'], log: (l) => console.log(`  ${l}`) }));
    startedKafka = kafka.started.includes('kafka');
    process.env.KAFKA_BROKERS = process.env.BENCH_KAFKA_BROKERS ?? kafka.endpoints.kafkaBrokers;
    console.log(`  bench Kafka ${process.env.KAFKA_BROKERS} (${startedKafka ? 'started' : 'already running'}), Temporal ${process.env.TEMPORAL_ADDRESS}, FerretDB ${process.env.MONGO_URL}`);
  });
  // Only the projects the chosen parts load: others may be mid-edit and not compile.
  const projects = [...new Set(parts.flatMap((p) => PARTS[p].projects))];
  await step(STEPS, `build ${projects.join(' ')}`, () => runOrFail('npx', ['tsc', '-b', ...projects], 'build'));

  const rows = [];
  try {
    await step(STEPS, `bench ${parts.join(', ')}`, async () => {
      const lib = await import('../bench/lib.mjs');
      await lib.platform.ensureTopics(lib.platform.createKafka('bench-topics', lib.config()));
      const { TEMPORAL_ADDRESS } = lib.config();
      const needsNamespace = ['temporal', 'pipeline', 'idle', 'load', 'growth', 'timers'].some((p) => parts.includes(p));
      const namespace = needsNamespace ? await lib.ownTemporalNamespace(TEMPORAL_ADDRESS, lib.benchId('civicflow-bench-')) : undefined;
      try {
        for (const part of parts) {
          const started = Date.now();
          console.log(`  … ${part}`);
          if (part === 'kafka') rows.push(...(await (await import('../bench/kafka-publish.bench.mjs')).benchKafkaPublish()));
          if (part === 'temporal') rows.push(...(await (await import('../bench/temporal-ceiling.bench.mjs')).benchTemporalCeiling({ namespace })));
          if (part === 'pipeline') rows.push(...(await (await import('../bench/pipeline.bench.mjs')).benchPipeline({ namespace })));
          if (part === 'statistics') rows.push(...(await (await import('../bench/statistics.bench.mjs')).benchStatistics({ cases: Number(process.env.BENCH_STATISTICS_CASES ?? 100_000) })));
          if (part === 'intake') rows.push(...(await (await import('../bench/intake-cost.bench.mjs')).benchIntakeCost()));
          if (part === 'load') rows.push(...(await (await import('../bench/load.bench.mjs')).benchLoad({ namespace, kafkaStatus: () => asBenchKafka(() => launcher.status()) })));
          if (part === 'growth') rows.push(...(await (await import('../bench/growth.bench.mjs')).benchGrowth({ namespace, kafkaStatus: () => asBenchKafka(() => launcher.status()) })));
          if (part === 'timers') rows.push(...(await (await import('../bench/timers.bench.mjs')).benchTimers({ namespace, kafkaStatus: () => asBenchKafka(() => launcher.status()) })));
          if (part === 'idle') rows.push(...(await (await import('../bench/idle.bench.mjs')).benchIdle({ namespace, kafkaStatus: () => asBenchKafka(() => launcher.status()) })));
          if (part === 'console') {
            await buildConsoleWeb();
            rows.push(...(await (await import('../bench/console-load.bench.mjs')).benchConsoleLoad()));
          }
          console.log(`  ✔ ${part} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        }
      } finally {
        if (namespace) await lib.dropNamespace(TEMPORAL_ADDRESS, namespace);
      }
    });
  } finally {
    await step(STEPS, 'stop the bench’s Kafka', async () => {
      if (startedKafka && process.env.CIVICFLOW_KEEP_INFRA !== '1') {
        await asBenchKafka(() => launcher.down({ only: ['kafka'], log: () => {} }));
        console.log('  stopped (CIVICFLOW_KEEP_INFRA=1 keeps it for the next run)');
      } else {
        console.log('  left running');
      }
    });
  }
  printTable([...rows, ...ratiosToTheCeiling(rows)]);
  process.exit(0);
});

/** The pipeline's rate as a share of the bare Temporal ceilings measured in the same run (issue 16 asks ≥ 50 %). */
function ratiosToTheCeiling(rows) {
  const pipeline = rows.find((r) => r.bench.startsWith('pipeline:'));
  const ceilings = rows.filter((r) => r.bench.startsWith('temporal: bare'));
  return pipeline ? ceilings.map((c) => ({
    bench: `pipeline ÷ ${c.bench.replace('temporal: ', '')} of this run`, count: pipeline.count, seconds: pipeline.seconds,
    rate: (100 * pipeline.rate) / c.rate, unit: '%',
  })) : [];
}

function printTable(rows) {
  console.log(`\nbench ${new Date().toISOString().slice(0, 10)}, node ${process.versions.node}`);
  console.log(['bench', 'count', 'seconds', 'rate', 'p50 ms', 'p95 ms', 'p99 ms', 'rss MB'].join(' | '));
  for (const r of rows) {
    console.log([r.bench, r.count, r.seconds.toFixed(2), `${r.rate.toFixed(1)} ${r.unit}`, r.p50 ?? '', r.p95 ?? '', r.p99 ?? '', r.rssMb ?? ''].join(' | '));
  }
}
