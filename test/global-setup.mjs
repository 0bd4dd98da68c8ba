// Starts (or reuses) the real servers once per test run and exports their endpoints to every test file.
// CIVICFLOW_INFRA picks where they come from: native (this repo's launcher, the default), docker
// (testcontainers, needs a Docker engine) or external (KAFKA_BROKERS, TEMPORAL_ADDRESS, MONGO_URL given).

export default async function globalSetup() {
  const mode = process.env.CIVICFLOW_INFRA ?? 'native';
  if (mode === 'native') {
    const infra = await import('../deploy/local/index.mjs');
    await infra.up({ log: (line) => process.stderr.write(`[infra] ${line}\n`) });
    const e = infra.endpoints();
    process.env.KAFKA_BROKERS = e.kafkaBrokers;
    process.env.TEMPORAL_ADDRESS = e.temporalAddress;
    process.env.MONGO_URL = e.mongoUrl;
    process.env.TEMPORAL_TEST_SERVER = e.temporalTestServerExecutable;
  } else if (mode === 'docker') {
    const { startDockerInfra } = await import('./docker-infra.mjs');
    globalThis.__civicflowContainers = await startDockerInfra();
  } else if (mode !== 'external') {
    throw new Error(`CIVICFLOW_INFRA=${mode}: expected native, docker or external`);
  }
  // Test files that run case workflows register a Temporal namespace of their own (ownTemporalNamespace in
  // @civicflow/testing): workflow ids are case numbers, and every file's intake counts from 000001.
}
