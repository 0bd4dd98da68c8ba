// The whole system as separate processes, for the benches that measure what users and operators feel (idle CPU,
// open-loop load through the hotline API): the same processes as `npm start` (scripts/lib/processes.mjs), on the
// bench's Kafka and the dev Temporal and FerretDB, with the run's own database prefix, Temporal namespace, task
// queue, consumer groups and free HTTP ports — nothing of the running system is touched. CPU-seconds per process
// come from /proc, for the services and for the servers alike.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { SYSTEM_PROCESSES, startProcess } from '../scripts/lib/processes.mjs';
import { infra, root } from '../scripts/lib/run.mjs';
import { require } from './lib.mjs';

const CLOCK_TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

/** CPU-seconds a process and its reaped children have used so far (utime + stime + cutime + cstime). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return NaN; // gone
  }
}

/** Resident memory of a process in MB (VmRSS). */
export function rssMbOf(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** The servers' processes: the dev Temporal and FerretDB (launcher state) and the bench's Kafka. */
export async function serverPids({ kafkaStatus }) {
  const launcher = await infra();
  const pids = [];
  for (const s of await launcher.status()) if (s.pid && s.server !== 'kafka') pids.push({ name: s.server, pid: s.pid });
  const kafka = (await kafkaStatus()).find((s) => s.server === 'kafka' && s.pid);
  if (kafka) pids.push({ name: 'kafka (bench broker)', pid: kafka.pid });
  return pids;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts every process of the system; resolves once each HTTP service answers /health/ready and the worker polls.
 * @returns {{ env, urls, processes: { name, pid }[], stop(): Promise<void> }}
 */
export async function startSystem({ runId, namespace, env: extra = {}, log = () => {} }) {
  const { SERVICE_PORTS, identityEndpoints } = await infra();
  const env = {
    KAFKA_BROKERS: process.env.KAFKA_BROKERS, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS, MONGO_URL: process.env.MONGO_URL,
    MONGO_DB_PREFIX: runId, TEMPORAL_NAMESPACE: namespace, CASE_TASK_QUEUE: `cases-${runId}`, KAFKA_FROM_BEGINNING: 'false',
    LOG_LEVEL: 'warn', NODE_ENV: 'production',
  };
  for (const name of ['casework', 'console', 'grid', 'hotline', 'intake', 'mediation', 'notification']) env[`${name.toUpperCase()}_CONSUMER_GROUP`] = `${name}-${runId}`;
  const urls = {};
  for (const [name, [variable]] of Object.entries(SERVICE_PORTS)) {
    const port = await freePort();
    env[variable] = String(port);
    env[`${name.toUpperCase()}_URL`] = urls[name] = `http://127.0.0.1:${port}`;
  }
  // identity on the run's port: the services' own identities (intake and notification read the grid as them) and the sessions it ended
  Object.assign(env, identityEndpoints(urls.identity));
  Object.assign(env, extra);
  const children = SYSTEM_PROCESSES.map((p) => ({ name: p.name, child: startProcess(p, env, log) }));
  const stop = async () => {
    await Promise.all(children.map(({ child }) => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
    })));
  };
  try {
    const deadline = Date.now() + 180_000;
    const dead = () => children.find(({ child }) => child.exitCode !== null);
    for (const [name, url] of Object.entries(urls)) {
      for (;;) {
        if (dead()) throw new Error(`${dead().name} exited during start (exit ${dead().child.exitCode})`);
        if (Date.now() > deadline) throw new Error(`${name} did not become ready at ${url}/health/ready within 180 s`);
        const ok = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    await workerPolling(env, deadline);
  } catch (error) {
    await stop();
    throw error;
  }
  return { env, urls, processes: children.map(({ name, child }) => ({ name, pid: child.pid })), stop };
}

/** Resolves once a worker polls the run's case task queue. */
async function workerPolling(env, deadline) {
  const { Connection } = require('@temporalio/client');
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  try {
    for (;;) {
      const { pollers } = await connection.workflowService.describeTaskQueue({ namespace: env.TEMPORAL_NAMESPACE, taskQueue: { name: env.CASE_TASK_QUEUE }, taskQueueType: 1 });
      if (pollers.length > 0) return;
      if (Date.now() > deadline) throw new Error(`no case worker polls ${env.CASE_TASK_QUEUE} within 180 s`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await connection.close();
  }
}

/** A bearer token of a demo user (identity's seeded users, password civicflow). */
export async function login(urls, username) {
  const response = await fetch(`${urls.identity}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'civicflow' }),
  });
  if (!response.ok) throw new Error(`login as ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()).accessToken;
}

export const builtEntries = SYSTEM_PROCESSES.map((p) => join(root, p.entry));
