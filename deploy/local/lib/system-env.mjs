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
  // what the caller set explicitly wins (a URL pointing elsewhere, a cluster address)
  for (const key of Object.keys(env)) if (process.env[key]) env[key] = /** @type {string} */ (process.env[key]);
  return env;
}
