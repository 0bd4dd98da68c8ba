// The attack suite's target: every service in-process, configured the way a city would run it
// (CIVICFLOW_INFRA=external, fresh secrets, identity signing with a key of its own, no demo users, every service
// checking tokens against identity's JWKS and revocation list), on the real Kafka, Temporal and FerretDB.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { z } from 'zod';
import { createKafka, loadConfig } from '@civicflow/platform';
import { integrationConfig, ownTemporalNamespace, startApps, startCaseWorker, TestCaseWorker, uniqueId } from '@civicflow/testing';
import { caseworkConfigSchema, createCaseworkApp } from '@civicflow/casework';
import { consoleConfigSchema, createConsoleApp } from '@civicflow/console';
import { createGridApp, gridConfigSchema } from '@civicflow/grid';
import { createHotlineApp, hotlineConfigSchema } from '@civicflow/hotline';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';
import { createIntakeApp, intakeConfigSchema } from '@civicflow/intake';
import { createMediationApp, mediationConfigSchema } from '@civicflow/mediation';
import { createNotificationApp, notificationConfigSchema } from '@civicflow/notification';

export const SERVICES = ['identity', 'notification', 'grid', 'hotline', 'intake', 'casework', 'mediation', 'console'] as const;
export type ServiceName = (typeof SERVICES)[number];

const secret = () => randomBytes(36).toString('base64url');

export interface ProductionSystem {
  runId: string;
  env: Record<string, string>;
  urls: Record<ServiceName, string>;
  kafka: Kafka;
  adminPassword: string;
  stop(): Promise<void>;
}

/** Starts the system; `overrides` adjusts settings (shorter polls for the test). */
export async function startProductionSystem(overrides: Record<string, string> = {}): Promise<ProductionSystem> {
  const runId = uniqueId('sec');
  const adminPassword = `${secret().slice(0, 16)}-9a`;
  const base = integrationConfig({ MONGO_DB_PREFIX: runId });
  const env: Record<string, string> = {
    ...(Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'))),
    LOG_LEVEL: 'warn',
    CIVICFLOW_INFRA: 'external',
    KAFKA_BROKERS: base.KAFKA_BROKERS,
    TEMPORAL_ADDRESS: base.TEMPORAL_ADDRESS,
    MONGO_URL: base.MONGO_URL,
    MONGO_DB_PREFIX: runId,
    CASE_TASK_QUEUE: String(base.CASE_TASK_QUEUE),
    KAFKA_FROM_BEGINNING: 'false',
    ...Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_CONSUMER_GROUP`, `${s}-${runId}`])),
    // fresh secrets, none of them published
    IDENTITY_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
    HOTLINE_CLIENT_SECRET: secret(),
    INTAKE_CLIENT_SECRET: secret(),
    MEDIATION_CLIENT_SECRET: secret(),
    NOTIFICATION_CLIENT_SECRET: secret(),
    CASEWORK_CLIENT_SECRET: secret(),
    HOTLINE_CALLER_KEY: secret(),
    MEDIATION_CONTACT_KEY: secret(),
    NOTIFICATION_CONTACT_KEY: secret(),
    INTAKE_REPORTER_KEY: secret(),
    // the demo city's map and committees are data, not accounts: asked for explicitly
    GRID_SEED_DEMO: 'true',
    MEDIATION_SEED_DEMO_COMMITTEES: 'true',
    NOTIFICATION_QUIET_HOURS: 'off',
    NOTIFICATION_POLL_INTERVAL_MS: '200',
    JWT_REVOCATION_POLL_MS: '500',
    ...overrides,
  };
  delete env.JWT_PUBLIC_KEYS;
  env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
  const kafka = createKafka(`test-${runId}`, { KAFKA_BROKERS: base.KAFKA_BROKERS });
  const apps: INestApplication[] = [];
  const urls = {} as Record<ServiceName, string>;
  // each service reads its config the way main.ts does: loadConfig, with the production rules
  const load = <S extends z.ZodObject>(schema: S) => loadConfig(schema, env);
  const identity = await createIdentityApp(load(identityConfigSchema));
  urls.identity = (await startApps({ identity }, apps)).identity;
  Object.assign(env, {
    IDENTITY_URL: urls.identity,
    JWT_JWKS_URL: `${urls.identity}/.well-known/jwks.json`,
    JWT_REVOCATION_URL: `${urls.identity}/api/v1/auth/revocations`,
    SERVICE_TOKEN_URL: `${urls.identity}/api/v1/auth/token`,
  });
  urls.notification = (await startApps({ notification: await createNotificationApp(load(notificationConfigSchema)) }, apps)).notification;
  env.NOTIFICATION_URL = urls.notification;
  urls.grid = (await startApps({ grid: await createGridApp(load(gridConfigSchema)) }, apps)).grid;
  env.GRID_URL = urls.grid;
  Object.assign(urls, await startApps({
    hotline: await createHotlineApp(load(hotlineConfigSchema)),
    intake: await createIntakeApp(load(intakeConfigSchema)),
    casework: await createCaseworkApp(load(caseworkConfigSchema)),
    mediation: await createMediationApp(load(mediationConfigSchema)),
  }, apps));
  for (const name of ['hotline', 'intake', 'casework', 'mediation'] as const) env[`${name.toUpperCase()}_URL`] = urls[name];
  urls.console = (await startApps({ console: await createConsoleApp(load(consoleConfigSchema)) }, apps)).console;
  const worker: TestCaseWorker = await startCaseWorker(env as never, kafka);
  return {
    runId, env, urls, kafka, adminPassword,
    async stop() {
      await worker.stop();
      for (const app of apps.reverse()) await app.close();
    },
  };
}
