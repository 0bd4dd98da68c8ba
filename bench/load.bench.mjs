// Open-loop load on the whole system (the same processes as `npm start`): calls arrive through the hotline API at a
// steady rate whatever the system's answers — as citizens' calls do — at 0.5, 1, 2 and 5 calls/s, each rate for
// `seconds`, then up to `drainSeconds` for the last calls to come through. Per rate: call → case.dispatched and
// call → first notification delivered for its case (p50/p95/p99, from the probe's clock on Kafka), stragglers
// counted (not dispatched within the drain), the rate actually completed, and CPU-seconds per process from /proc.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from '../scripts/lib/run.mjs';
import { benchKafka, CallProbe, openLoopPhase, stages, summarise, temporalStages } from './calls.mjs';
import { windows, writeLoadChart } from './chart.mjs';
import { benchId, dropDatabases, percentile } from './lib.mjs';
import { cpuSeconds, login, rssMbOf, serverPids, startSystem } from './system.mjs';

const RATES = (process.env.BENCH_LOAD_RATES ?? '0.5,1,2,5').split(',').map(Number);

export async function benchLoad({ namespace, kafkaStatus, rates = RATES, seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60), drainSeconds = 120 } = {}) {
  const runId = benchId('benchload');
  // the processes' warnings and errors go to a file of the run, so a stage that fails can be read afterwards
  const logFile = join(process.env.CIVICFLOW_HOME ?? join(root, '.civicflow'), 'logs', `${runId}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  console.log(`    the system's log: ${logFile}`);
  const system = await startSystem({ runId, namespace, env: { NOTIFICATION_QUIET_HOURS: 'off' }, log: (line) => appendFileSync(logFile, `${line}\n`) });
  const probe = await new CallProbe(benchKafka(`bench-load-${runId}`), `bench-load-probe-${runId}`).start();
  const rows = [];
  let next = 0; // call index across rates: every call its own grid and number
  try {
    const processes = [...system.processes, ...(await serverPids({ kafkaStatus }))];
    const runStarted = Date.now();
    const allCalls = [];
    const marks = [];
    for (const rate of rates) {
      const token = await login(system.urls, 'operator');
      const { count, calls, startedAt: started, wall, failures, cpu } = await openLoopPhase({ urls: system.urls, token, probe, processes, cpuSeconds, rate, seconds, drainSeconds, first: next });
      next += count;
      allCalls.push(...calls);
      marks.push({ t: (started - runStarted) / 1000, label: `${rate} calls/s` });
      const { dispatched, notified, lastDone, cpuTotal, top: topOf } = summarise({ calls, cpu });
      const top = topOf(4).map((p) => `${p.name} ${p.cpu.toFixed(0)}`).join(', ');
      const missing = count - dispatched.length;
      const label = `${rate} calls/s for ${seconds} s (${count} calls${failures.length ? `, ${failures.length} refused: ${failures[0]?.message}` : ''}${missing ? `, ${missing} not dispatched within ${drainSeconds} s` : ''})`;
      rows.push({
        bench: `load ${label}: call → case.dispatched; CPU ${cpuTotal.toFixed(0)} s (${top})`,
        count: dispatched.length, seconds: (lastDone - started) / 1000, rate: dispatched.length / ((lastDone - started) / 1000), unit: 'cases/s',
        p50: percentile(dispatched, 50), p95: percentile(dispatched, 95), p99: percentile(dispatched, 99), rssMb: processes.reduce((s, p) => s + (rssMbOf(p.pid) || 0), 0),
      });
      rows.push({
        bench: `load ${rate} calls/s: call → first notification delivered for the case (${notified.length} of ${count})`,
        count: notified.length, seconds: wall, rate: notified.length / wall, unit: 'notified/s',
        p50: percentile(notified, 50), p95: percentile(notified, 95), p99: percentile(notified, 99), rssMb: undefined,
      });
      console.log(`    ${rows.at(-2).bench}: p50 ${rows.at(-2).p50} p95 ${rows.at(-2).p95} p99 ${rows.at(-2).p99} ms; notified p99 ${rows.at(-1).p99} ms`);
      const handoffs = [...stages(calls, percentile), ...(await temporalStages(system.env.TEMPORAL_ADDRESS, namespace, calls, percentile).catch((e) => [{ name: `(histories not read: ${e.message})`, count: 0 }]))];
      for (const s of handoffs) console.log(`      ${s.name}: ${s.count} calls, p50 ${s.p50} p95 ${s.p95} p99 ${s.p99} max ${s.max} ms`);
      if (missing > count / 2) break; // far past what the system keeps up with: higher rates say nothing more
    }
    const png = join(dirname(logFile), '..', 'reports', `${runId}.png`);
    mkdirSync(dirname(png), { recursive: true });
    writeLoadChart(png, windows(allCalls, runStarted), { title: `open-loop load through the hotline API (${rates.join(', ')} calls/s × ${seconds} s)`, marks });
    console.log(`    the run's picture: ${png}`);
    return rows;
  } finally {
    await probe.stop().catch(() => {});
    await system.stop();
    await dropDatabases(process.env.MONGO_URL, runId).catch((e) => console.warn(`  (could not drop the bench databases: ${e?.message})`));
  }
}
