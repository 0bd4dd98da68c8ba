import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { createKafka } from '@civicflow/platform';
import { type CaseWorkerStartOptions, startCaseWorker, type TestCaseWorker } from './case-worker';
import { serveApp } from './service-apps';
import { ownTemporalNamespace } from './temporal-namespace';
import { integrationConfig, uniqueId } from './test-config';

export type ServiceName = 'identity' | 'grid' | 'notification' | 'hotline' | 'intake' | 'casework' | 'mediation' | 'console';

export interface SystemOptions<S extends ServiceName> {
  /**
   * The services to start, in the order they find each other (each one's `<NAME>_URL` is set before the next
   * starts). identity, when named, must come first: the others take their service tokens and ended sessions from it.
   */
  services: readonly S[];
  /** Settings beside the test defaults (demo grid, demo users, demo SMS directory, no quiet hours). */
  env?: Record<string, string>;
  /** The case worker on the system's namespace and task queue; none when omitted. A function reads the services' URLs. */
  worker?: CaseWorkerStartOptions | ((urls: Record<S, string>) => CaseWorkerStartOptions);
}

export interface TestSystem<S extends ServiceName = ServiceName> {
  /** The prefix of the system's databases, consumer groups and Kafka client id. */
  runId: string;
  /** The settings every service read, with each one's `<NAME>_URL`, the namespace and the task queue. */
  env: ReturnType<typeof integrationConfig>;
  urls: Record<S, string>;
  kafka: Kafka;
  temporal: Client;
  worker?: TestCaseWorker;
  /**
   * One more instance of a service, with settings of its own over the system's (another gateway, a replica); the
   * others keep finding the first. Returns its base URL; `stop()` closes it too.
   */
  startAnother(service: ServiceName, settings?: Record<string, string>): Promise<string>;
  /** Stops the worker and the services (in reverse), and drops the services' databases. */
  stop(): Promise<void>;
}

/**
 * The system in the test's process, on the real Kafka, Temporal and MongoDB-protocol server: the named services,
 * each with consumer groups and databases of this run only, on its own Temporal namespace and task queue, and the
 * case worker if asked for. One call in beforeAll, `stop()` in afterAll.
 */
export async function startSystem<S extends ServiceName>(options: SystemOptions<S>): Promise<TestSystem<S>> {
  const runId = uniqueId();
  const env = integrationConfig({
    MONGO_DB_PREFIX: runId,
    KAFKA_FROM_BEGINNING: 'false',
    ...Object.fromEntries(options.services.map((s) => [`${s.toUpperCase()}_CONSUMER_GROUP`, `${s}-${runId}`])),
    NOTIFICATION_QUIET_HOURS: 'off',
    GRID_SEED_DEMO: 'true',
    IDENTITY_SEED_DEMO_USERS: 'true',
    NOTIFICATION_SEED_DEMO_DIRECTORY: 'true',
    ...options.env,
  });
  env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
  const kafka = createKafka(`test-${runId}`, env);
  const apps: INestApplication[] = [];
  const urls = {} as Record<S, string>;
  const system: TestSystem<S> = {
    runId, env, urls, kafka,
    temporal: new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE }),
    async startAnother(service, settings = {}) {
      const instanceEnv = { ...env, ...settings };
      return serveApp(service, () => createServiceApp(service, instanceEnv), {}, apps);
    },
    async stop() {
      await system.worker?.stop();
      await system.temporal.connection.close();
      for (const app of apps.reverse()) await app.close();
      const mongo = await new MongoClient(env.MONGO_URL).connect();
      for (const service of options.services) await mongo.db(`${runId}_${service}`).dropDatabase();
      await mongo.close();
    },
  };
  try {
    for (const name of options.services) {
      urls[name] = await serveApp(name, () => createServiceApp(name, env), env, apps);
      if (name === 'identity') {
        env.SERVICE_TOKEN_URL = `${urls[name]}/api/v1/auth/token`;
        env.JWT_REVOCATION_URL = `${urls[name]}/api/v1/auth/revocations`;
      }
    }
    if (options.worker) system.worker = await startCaseWorker(env, kafka, typeof options.worker === 'function' ? options.worker(urls) : options.worker);
  } catch (error) {
    await system.stop().catch(() => undefined);
    throw error;
  }
  return system;
}

/**
 * A service's app as its package exports it (`create<Name>App(<name>ConfigSchema.parse(env))`), loaded by name:
 * the services' own tests depend on this library, so it cannot depend on them.
 */
async function createServiceApp(name: ServiceName, env: Record<string, unknown>): Promise<INestApplication> {
  const service = (await import(`@civicflow/${name}`)) as Record<string, unknown>;
  const create = service[`create${name[0].toUpperCase()}${name.slice(1)}App`] as ((config: unknown) => Promise<INestApplication>) | undefined;
  const schema = service[`${name}ConfigSchema`] as { parse(env: unknown): unknown } | undefined;
  if (!create || !schema) throw new Error(`@civicflow/${name} exports no create…App and …ConfigSchema`);
  return create(schema.parse(env));
}
