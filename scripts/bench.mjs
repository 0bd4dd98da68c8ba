// `npm run bench`: measures the pieces the design brief names as limits, on the real local servers:
// Kafka publishing (batched vs one by one), the bare Temporal server's workflow ceiling, and CivicFlow's own
// pipeline (call → intake → grid routing → workflow → case.registered) against it. Prints a table.
import { checkNode, ensureDependencies, infra, main, runOrFail, step } from './lib/run.mjs';

main(async () => {
  checkNode();
  await step(3, 'dependencies', ensureDependencies);
  const launcher = await infra();
  if (launcher.infraMode() === 'native') await step(3, 'infrastructure', () => launcher.up({ log: (l) => console.log(`  ${l}`) }));
  await step(3, 'build', () => runOrFail('npx', ['tsc', '-b', 'tsconfig.build.json'], 'build'));
  const rows = [];
  const { benchKafkaPublish } = await import('../bench/kafka-publish.bench.mjs');
  const { benchTemporalCeiling } = await import('../bench/temporal-ceiling.bench.mjs');
  const { benchPipeline } = await import('../bench/pipeline.bench.mjs');
  rows.push(...(await benchKafkaPublish()));
  rows.push(...(await benchTemporalCeiling()));
  rows.push(...(await benchPipeline()));
  console.log('\n' + ['bench', 'count', 'seconds', 'rate', 'p50 ms', 'p95 ms', 'rss MB'].join(' | '));
  for (const r of rows) {
    console.log([r.bench, r.count, r.seconds.toFixed(2), `${r.rate.toFixed(1)} ${r.unit}`, r.p50 ?? '', r.p95 ?? '', r.rssMb].join(' | '));
  }
  process.exit(0);
});
