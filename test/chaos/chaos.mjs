// `npm run chaos`: the whole system on the real local servers under an open-loop load of calls and the commands
// users issue, while a driver SIGKILLs — one at a time, at random moments — each service, the console, the worker,
// Kafka, Temporal and FerretDB, and brings it back. Then it reconciles from the outside and prints the counts;
// it exits 1 on any loss or duplicate.
//
//   npm run chaos                                  10,000 calls at 5 a second, a fault every ~30 s, 2 of each process
//   npm run chaos -- --calls 300 --rate 3 --kill-every 15
//   options: --calls N  --rate N (calls/s)  --replicas N  --kill-every S (mean seconds between faults, 0: none)
//            --seed N  --acceptance-minutes N  --settle-minutes N (how long to wait for the backlog after the load)
//            --port-base N (the services' ports, base + 0…10 and 20 more per replica; default: a free range from 28000)
//            --json FILE (the report)
//            --faults a,b,… with --fault-every-calls N: these targets in this order, the next once N more calls were
//            accepted (the same faults at the same points of the load on any machine; used by the run in npm test)
import { createWriteStream, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { CaseObserver } from './observer.mjs';
import { FaultDriver } from './faults.mjs';
import { Load } from './load.mjs';
import { reconcile } from './reconcile.mjs';
import { consumerLag, startChaosSystem } from './system.mjs';

const require = createRequire(import.meta.url);
const { Client, Connection } = require('@temporalio/client');
const root = new URL('../..', import.meta.url).pathname;

const { values: opts } = parseArgs({
  options: {
    calls: { type: 'string', default: '10000' }, rate: { type: 'string', default: '5' }, replicas: { type: 'string', default: '2' },
    'kill-every': { type: 'string', default: '30' }, seed: { type: 'string', default: String(Date.now() % 100_000) },
    'acceptance-minutes': { type: 'string', default: '3' }, 'settle-minutes': { type: 'string', default: '20' },
    'port-base': { type: 'string' }, json: { type: 'string' }, faults: { type: 'string' }, 'fault-every-calls': { type: 'string', default: '5' },
  },
});
const calls = Number(opts.calls);
const rate = Number(opts.rate);
const replicas = Number(opts.replicas);
const killEveryMs = Number(opts['kill-every']) * 1000;
const seed = Number(opts.seed);
const runId = `${Date.now().toString(36)}${seed.toString(36)}`;
const t0 = Date.now();
const log = (line) => console.log(`${((Date.now() - t0) / 1000).toFixed(0).padStart(5)}s ${line}`);
const quiet = () => {};

/** mulberry32: a seeded random for the fault schedule, so a run can be repeated */
function seeded(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const launcher = await import(join(root, 'deploy/local/index.mjs'));
  const scheduled = opts.faults ? opts.faults.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
  log(`chaos run ${runId}: ${calls} calls at ${rate}/s, ${replicas} of each process, ${scheduled ? `faults ${scheduled.join(', ')}, one every ${opts['fault-every-calls']} accepted calls` : `a fault every ~${killEveryMs / 1000} s (seed ${seed})`}`);
  if (launcher.infraMode() === 'native') await launcher.up({ log: quiet });
  const ep = launcher.endpoints();
  const portBase = opts['port-base'] ? Number(opts['port-base']) : await freePortBase(replicas);
  log(`servers up (Kafka ${ep.kafkaBrokers}, Temporal ${ep.temporalAddress}); the services' ports from ${portBase}`);

  // every line of every process, for the post-mortem; the console shows the faults and the errors
  const processLogFile = join(tmpdir(), `civicflow-chaos-${runId}.log`);
  const processLog = createWriteStream(processLogFile);
  log(`every process's output: ${processLogFile}`);
  const observerGroup = `chaos-observer-${runId}`;
  const chaos = await startChaosSystem({
    launcher, runId, replicas, portBase, acceptanceMinutes: Number(opts['acceptance-minutes']), observerGroups: [observerGroup],
    log: (line) => {
      processLog.write(`${line}\n`);
      if (/^chaos:|exited|restarting|"level":(50|60)/.test(line)) log(line.slice(0, 300));
    },
  });
  const dltStart = await deadLetterOffsets(chaos.kafka, chaos.topics);
  const observer = new CaseObserver(chaos.kafka, runId);
  await observer.start();
  // a process's readiness probe: a service's port, the worker's health port
  const readyUrlOf = (member) => {
    const [variable] = launcher.SERVICE_PORTS[member.process.name.split('#')[0] === 'case-worker' ? 'worker' : member.process.name.split('#')[0]];
    return `http://127.0.0.1:${member.env[variable]}/health/ready`;
  };
  await waitForReady(chaos.system.members.map(readyUrlOf));
  log(`system up: ${chaos.system.members.length} processes; consoles ${chaos.consoles.join(', ')}`);

  // Ctrl-C or SIGTERM: the processes are stopped (cleanly) with the run, never left behind
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => {
    log(`${signal}: stopping the system`);
    chaos.system.stop().finally(() => process.exit(130));
  });
  const load = new Load({ consoles: chaos.consoles, observer, calls, ratePerSecond: rate, runId, log });
  const schedule = scheduled && { targets: scheduled, everyCalls: Number(opts['fault-every-calls']), accepted: () => load.stats.accepted };
  const faults = new FaultDriver({ readyUrlOf, system: chaos.system, launcherScript: join(root, 'deploy/local/infra.mjs'), everyMs: killEveryMs, random: seeded(seed), log, schedule });
  if (killEveryMs > 0 || schedule) await faults.start();
  const progress = setInterval(() => log(`load: ${JSON.stringify(load.stats)} cases seen ${observer.cases.size}, plans open ${load.unfinished().length}`), 15_000);
  await load.offerCalls();
  log(`all ${calls} calls offered; ${load.stats.accepted} accepted`);
  await faults.stop();
  log(`faults over: ${faults.kills.length} kills (${[...new Set(faults.kills.map((k) => k.target))].length} distinct targets)`);

  // the backlog: every accepted call's case, every plan taken to its end, every timer run
  const settleUntil = Date.now() + Number(opts['settle-minutes']) * 60_000;
  const acceptanceMs = Number(opts['acceptance-minutes']) * 60_000;
  let lastChange = Date.now();
  let lastState = '';
  for (;;) {
    const waiting = [...load.calls.keys()].filter((id) => !observer.casesOfCall.has(id)).length;
    const open = load.unfinished().length;
    const timers = [...load.calls.values()].filter((c) => c.caseNumber && c.applied.length === 0 && !(observer.cases.get(c.caseNumber) ?? []).some((e) => e.type === 'case.escalated')).length;
    // every service's consumer caught up: projections and notifications are done, not merely due
    const lag = await consumerLag(chaos.kafka, chaos.serviceGroups, chaos.topics).catch(() => -1);
    const state = `${waiting}/${open}/${timers}/${observer.seenIds.size}/${lag}`;
    if (state !== lastState) [lastState, lastChange] = [state, Date.now()];
    if (waiting === 0 && open === 0 && timers === 0 && lag === 0 && load.inFlight.size === 0) break;
    if (Date.now() > settleUntil || Date.now() - lastChange > Math.max(5 * 60_000, acceptanceMs * 2)) {
      log(`settling stopped: ${waiting} calls without a case, ${open} plans open, ${timers} timers not run, ${lag} messages not consumed`);
      break;
    }
    await sleep(5_000);
  }
  log('settled');
  await sleep(10_000); // the notification poller's last round (its deliveries are due work, not messages)
  clearInterval(progress);

  const mongo = await new MongoClient(ep.mongoUrl).connect();
  const temporal = new Client({ connection: await Connection.connect({ address: ep.temporalAddress }), namespace: chaos.namespace });
  const report = await reconcile({ load, observer, mongo, database: chaos.database, temporal, kafka: chaos.kafka, dltStart, groups: new Set(chaos.serviceGroups) });
  await observer.stop();
  await chaos.system.stop();
  await mongo.close();
  await temporal.connection.close();

  // why users' commands were refused (409): a timer that came first (the acceptance window ran out before 签收) is
  // the system being right; the case's state is checked against what was applied either way
  report.refusals = Object.fromEntries([...load.calls.values()].filter((c) => c.refused).reduce((by, c) => {
    const key = `${c.refused.step} ${c.refused.status} ${c.refused.reason ?? ''}`.trim();
    return by.set(key, (by.get(key) ?? 0) + 1);
  }, new Map()));
  report.run = { runId, seed, calls, rate, replicas, killEverySeconds: schedule ? undefined : killEveryMs / 1000, faultEveryCalls: schedule?.everyCalls, minutes: +((Date.now() - t0) / 60_000).toFixed(1), kills: faults.kills, load: load.stats, observerRedeliveries: observer.redelivered };
  if (opts.json) writeFileSync(opts.json, JSON.stringify(report, null, 2));
  console.log('\n── chaos reconciliation ──');
  for (const [key, value] of Object.entries(report.counts)) console.log(`  ${key.padEnd(22)} ${value}`);
  console.log(`  ${'faults'.padEnd(22)} ${faults.kills.length} (${[...new Set(faults.kills.map((k) => k.target))].join(', ')})`);
  if (report.counts.deadLettered) {
    console.log('  dead letters by reason:');
    for (const [reason, n] of Object.entries(report.deadLetterReasons)) console.log(`    ${n} × ${reason}`);
    console.log('  replay each with:');
    for (const command of report.replay) console.log(`    ${command}`);
  }
  for (const [why, n] of Object.entries(report.refusals)) console.log(`  refused: ${n} × ${why}`);
  for (const [kind, n] of Object.entries(report.problemKinds)) console.log(`  problems: ${n} × ${kind}`);
  for (const problem of report.problems) console.log(`  ! ${JSON.stringify(problem)}`);
  console.log(report.failed.length ? `\n✖ chaos: ${report.failed.join(', ')}` : '\n✔ chaos: nothing lost, nothing doubled');
  process.exit(report.failed.length ? 1 : 0);
}

/** Where each dead-letter topic ends now: what is written after it is this run's. */
async function deadLetterOffsets(kafka, topics) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const start = new Map();
    for (const topic of topics) start.set(`${topic}.dlt`, new Map((await admin.fetchTopicOffsets(`${topic}.dlt`)).map((p) => [p.partition, Number(p.high)])));
    return start;
  } finally {
    await admin.disconnect();
  }
}

/** Waits until every service and worker answers its readiness probe: the load starts on a system that is up. */
async function waitForReady(urls) {
  const until = Date.now() + 600_000;
  for (const url of urls) {
    for (;;) {
      try {
        if ((await fetch(url, { signal: AbortSignal.timeout(10_000) })).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`${url} did not get ready`);
      await sleep(1_000);
    }
  }
}

/**
 * A port base whose service ports (base + 0…10, 20 more per replica) are all free, so runs never meet another system;
 * below Linux's ephemeral range (32768–60999): there, any outgoing connection may take a port while its service is
 * down, and the service cannot listen again when it restarts.
 */
async function freePortBase(replicas) {
  const free = (port) => new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  for (let base = 28_000 + Math.floor(Math.random() * 40) * 100; base < 32_700; base += 100) {
    const ports = Array.from({ length: replicas }, (_, r) => Array.from({ length: 11 }, (_, i) => base + 20 * r + i)).flat();
    if ((await Promise.all(ports.map(free))).every(Boolean)) return base;
  }
  throw new Error('no free port range for the services');
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
