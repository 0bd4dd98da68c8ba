// One source for endpoints: a second instance of the whole system is one setting — CIVICFLOW_PORT_BASE — and never
// touches the first. Beside this run's servers (the first instance), the launcher starts a second Kafka, Temporal and
// FerretDB on the base's ports with a data folder of its own; the environment the launcher hands every process of the
// second (servers' addresses, services' ports, peers' URLs) names only the second's ports; what is written to the
// second is not in the first. Runs where this project starts the servers itself (native mode).
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { integrationConfig, ownsInfrastructure, uniqueId } from '@civicflow/testing';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const runId = uniqueId().replace(/[^a-z0-9]/gi, '');
const first = integrationConfig();
/** what `npm run infra` and `npm start` read (besides CIVICFLOW_PORT_BASE): none of it set for the second */
const SETTINGS = /^(CIVICFLOW_HOME|KAFKA_BROKERS|TEMPORAL_ADDRESS|MONGO_URL|\w+_PORT|\w+_URL)$/;

function free(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port base whose block of 100 is free (below the ephemeral range), so the second instance meets nothing. */
async function freeBase(): Promise<number> {
  for (let base = 21_000 + Math.floor(Math.random() * 50) * 200; base < 32_000; base += 100) {
    const ports = Array.from({ length: 100 }, (_, i) => base + i);
    if ((await Promise.all(ports.map(free))).every(Boolean)) return base;
  }
  throw new Error('no free block of 100 ports');
}

const portsIn = (value: string) => [...value.matchAll(/:(\d{2,5})(?=\/|,|$)/g)].map((m) => Number(m[1]));

(ownsInfrastructure ? describe : describe.skip)('a second instance beside the first (CIVICFLOW_PORT_BASE)', () => {
  let base: number;
  let env: NodeJS.ProcessEnv;
  const launcher = (...args: string[]) => run(process.execPath, [join(ROOT, 'deploy/local/infra.mjs'), ...args], { env, timeout: 300_000 });

  beforeAll(async () => {
    base = await freeBase();
    env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SETTINGS.test(key)));
    env.CIVICFLOW_PORT_BASE = String(base);
  });

  afterAll(async () => {
    await launcher('down').catch(() => undefined);
    rmSync(join(ROOT, '.civicflow', 'instances', String(base)), { recursive: true, force: true });
  });

  it('hands every process the second instance’s addresses only, and keeps its servers and data apart', async () => {
    // what npm start hands each service and the worker of the second instance
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e',
      `import { systemEnvironment } from '${join(ROOT, 'deploy/local/lib/system-env.mjs')}'; console.log(JSON.stringify(systemEnvironment()))`], { env });
    const second = JSON.parse(stdout) as Record<string, string>;
    const addresses = Object.entries(second).filter(([key]) => /_(PORT|URL|BROKERS|ADDRESS)$/.test(key));
    expect(addresses.length).toBeGreaterThan(20);
    for (const [key, value] of addresses) {
      const ports = /_PORT$/.test(key) ? [Number(value)] : portsIn(value);
      expect({ key, ports: ports.filter((p) => p < base || p >= base + 100) }).toEqual({ key, ports: [] });
    }
    expect(second.KAFKA_BROKERS).not.toBe(first.KAFKA_BROKERS);

    // the second's servers start beside the first's, from its own folder
    await launcher('up');
    const status = (await launcher('status')).stdout;
    for (const port of [base + 92, base + 33, base + 17]) expect(status).toContain(String(port));
    expect(existsSync(join(ROOT, '.civicflow', 'instances', String(base), 'state.json'))).toBe(true);

    const kafkaOf = (brokers: string) => new Kafka({ clientId: `two-${runId}`, brokers: [brokers], logLevel: logLevel.NOTHING });
    const [admin1, admin2] = [kafkaOf(first.KAFKA_BROKERS).admin(), kafkaOf(second.KAFKA_BROKERS).admin()];
    const [mongo1, mongo2] = [new MongoClient(first.MONGO_URL), new MongoClient(second.MONGO_URL)];
    try {
      await Promise.all([admin1.connect(), admin2.connect(), mongo1.connect(), mongo2.connect()]);
      const topic = `second-only-${runId}`;
      await admin2.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await mongo2.db(`second_${runId}`).collection('marks').insertOne({ _id: runId } as never);
      expect(await admin2.listTopics()).toContain(topic);
      expect(await admin1.listTopics()).not.toContain(topic);
      expect(await mongo2.db(`second_${runId}`).collection('marks').countDocuments()).toBe(1);
      expect((await mongo1.db().admin().listDatabases()).databases.map((d) => d.name)).not.toContain(`second_${runId}`);
      // the second's Temporal answers on its own port
      const temporal = await Connection.connect({ address: second.TEMPORAL_ADDRESS });
      try {
        await temporal.workflowService.getSystemInfo({});
      } finally {
        await temporal.close();
      }
    } finally {
      await Promise.all([admin1.disconnect(), admin2.disconnect(), mongo1.close(), mongo2.close()]);
    }
  }, 300_000);
});
