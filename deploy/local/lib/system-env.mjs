// @ts-check
/**
 * The one place that says where every process of a local CivicFlow instance listens and finds its peers: the
 * servers' endpoints (from the launcher's ports) and each service's port and upstream URLs. `npm start` hands
 * this environment to every process it starts and `npm run infra -- endpoints` prints it, so moving an instance
 * (KAFKA_PORT=…, or CIVICFLOW_PORT_BASE=…) moves the services and the worker with it.
 */
import { endpoints, HOST, portFromEnv } from './config.mjs';

/** Services, their port variable and default port. */
export const SERVICE_PORTS = Object.freeze({
  console: ['CONSOLE_PORT', 3000],
  hotline: ['HOTLINE_PORT', 3001],
  intake: ['INTAKE_PORT', 3002],
  grid: ['GRID_PORT', 3003],
  notification: ['NOTIFICATION_PORT', 3005],
  casework: ['CASEWORK_PORT', 3006],
  mediation: ['MEDIATION_PORT', 3007],
  identity: ['IDENTITY_PORT', 3010],
  // the case worker's health endpoint (covered calendar range included)
  worker: ['WORKER_HEALTH_PORT', 3008],
});

/**
 * Identity's endpoints every service is given: its token endpoint (service identities) and the sessions it ended.
 * @param {string} identityUrl
 */
export function identityEndpoints(identityUrl) {
  return { SERVICE_TOKEN_URL: `${identityUrl}/api/v1/auth/token`, JWT_REVOCATION_URL: `${identityUrl}/api/v1/auth/revocations` };
}

/**
 * @returns {Record<string, string>} environment variables for every service and the worker
 */
export function systemEnvironment() {
  const ep = endpoints();
  const host = process.env.HTTP_HOST || HOST;
  /** @type {Record<string, string>} */
  const env = { KAFKA_BROKERS: ep.kafkaBrokers, TEMPORAL_ADDRESS: ep.temporalAddress, MONGO_URL: ep.mongoUrl };
  for (const [name, [variable, fallback]] of Object.entries(SERVICE_PORTS)) {
    const port = portFromEnv(variable, fallback);
    env[variable] = String(port);
    // peers call each other on loopback even when the services listen on every interface
    env[`${name.toUpperCase()}_URL`] = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  }
  Object.assign(env, identityEndpoints(env.IDENTITY_URL));
  // what the caller set explicitly wins (a URL pointing elsewhere, a cluster address)
  for (const key of Object.keys(env)) if (process.env[key]) env[key] = /** @type {string} */ (process.env[key]);
  return env;
}

/**
 * Replica r (from 0) of every service listens this many ports above the first: 20 keeps five replicas inside
 * CIVICFLOW_PORT_BASE's block of 100 clear of the servers' offsets (17, 33, 34, 92, 93).
 */
export const REPLICA_PORT_STEP = 20;

/**
 * The environments of `replicas` instances of every service and the worker against the same servers: replica r
 * listens REPLICA_PORT_STEP × r ports above the first and calls its own peers (hotline → notification, intake and
 * casework → grid); its console gets a consumer group of its own (each console relays every case event to its own
 * browsers). Work is shared through the services' consumer groups and the worker's task queue, which every replica
 * joins under the same name. Consoles front all replicas: see `consoleUpstreams`.
 * @param {number} replicas
 * @returns {Record<string, string>[]}
 */
export function replicaEnvironments(replicas) {
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5) throw new Error(`replicas: ${replicas} is not between 1 and 5`);
  const first = systemEnvironment();
  return Array.from({ length: replicas }, (_, r) => {
    /** @type {Record<string, string>} */
    const env = { ...first };
    if (r === 0) return env;
    for (const [name, [variable]] of Object.entries(SERVICE_PORTS)) {
      const port = Number(first[variable]) + REPLICA_PORT_STEP * r;
      env[variable] = String(port);
      env[`${name.toUpperCase()}_URL`] = first[`${name.toUpperCase()}_URL`].replace(/:\d+$/, `:${port}`);
    }
    env.CONSOLE_CONSUMER_GROUP = `${process.env.CONSOLE_CONSUMER_GROUP ?? 'console'}-replica-${r}`;
    return env;
  });
}

/**
 * What a console fronts when services run replicated: each service's `*_URL` listing every replica
 * (comma-separated); the gateway spreads calls over them and skips one that is down.
 * @param {Record<string, string>[]} envs  from replicaEnvironments
 * @returns {Record<string, string>}
 */
export function consoleUpstreams(envs) {
  return Object.fromEntries(Object.keys(SERVICE_PORTS).map((name) => {
    const key = `${name.toUpperCase()}_URL`;
    return [key, envs.map((env) => env[key]).join(',')];
  }));
}
