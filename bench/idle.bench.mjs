// An idle system's CPU: every service, the case worker and the servers running, `calls` cases stored (logged
// through the hotline API and dispatched), then nothing happens for `idleSeconds`; CPU-seconds per process from
// /proc over that minute. Pollers that re-scan collections show up here (they used to keep FerretDB at ~45 % of a
// core with ~200 cases stored).
import { benchCall, benchKafka, CallProbe, logCall } from './calls.mjs';
import { benchId, dropDatabases } from './lib.mjs';
import { cpuSeconds, login, rssMbOf, serverPids, startSystem } from './system.mjs';

export async function benchIdle({ namespace, kafkaStatus, calls = Number(process.env.BENCH_IDLE_CALLS ?? 200), settleSeconds = 30, idleSeconds = 60 } = {}) {
  const runId = benchId('benchidle');
  const system = await startSystem({ runId, namespace });
  const probe = await new CallProbe(benchKafka(`bench-idle-${runId}`), `bench-idle-probe-${runId}`).start();
  try {
    const token = await login(system.urls, 'operator');
    for (let i = 0; i < calls; i += 10) {
      const batch = await Promise.all(Array.from({ length: Math.min(10, calls - i) }, (_, j) => logCall(system.urls.hotline, token, benchCall(i + j))));
      for (const { callId, sentAt } of batch) probe.sent(callId, sentAt);
    }
    const dispatched = await probe.waitFor('dispatchedAt', 600_000);
    const stored = [...probe.calls.values()].filter((c) => c.dispatchedAt).length;
    // let the tails finish (notifications, projections), then nothing happens
    await new Promise((r) => setTimeout(r, settleSeconds * 1000));
    const processes = [...system.processes, ...(await serverPids({ kafkaStatus }))];
    const before = processes.map((p) => cpuSeconds(p.pid));
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const used = processes.map((p, i) => ({ ...p, cpu: cpuSeconds(p.pid) - before[i], rssMb: rssMbOf(p.pid) }));
    const total = used.reduce((sum, p) => sum + (Number.isFinite(p.cpu) ? p.cpu : 0), 0);
    const label = `idle ${idleSeconds} s, ${stored} cases stored${dispatched ? '' : ` (${calls - stored} of ${calls} not dispatched)`}`;
    return [
      ...used.sort((a, b) => b.cpu - a.cpu).map((p) => ({
        bench: `${label}: ${p.name}, ${p.cpu.toFixed(2)} CPU-s`, count: 1, seconds: idleSeconds, rate: (100 * p.cpu) / idleSeconds, unit: '% of a core', rssMb: p.rssMb,
      })),
      { bench: `${label}: all ${used.length} processes, ${total.toFixed(2)} CPU-s`, count: used.length, seconds: idleSeconds, rate: (100 * total) / idleSeconds, unit: '% of a core', rssMb: used.reduce((s, p) => s + (p.rssMb || 0), 0) },
    ];
  } finally {
    await probe.stop().catch(() => {});
    await system.stop();
    await dropDatabases(process.env.MONGO_URL, runId).catch((e) => console.warn(`  (could not drop the bench databases: ${e?.message})`));
  }
}
