// @ts-check
/**
 * Programmatic API of the local infrastructure launcher (Kafka, Temporal dev server, Temporal time-skipping test
 * server, FerretDB) for `npm start`, `npm test` and jest global setup. Plain Node ESM, no build step.
 *
 *   import { up, down, status, endpoints } from '../deploy/local/index.mjs';
 *   const { endpoints: ep } = await up({ log: (m) => console.error(m) });
 *
 * See deploy/local/README.md.
 */
export { provision, up, down, status } from './lib/launcher.mjs';
export { endpoints, infraMode, VERSIONS } from './lib/config.mjs';
export { systemEnvironment, replicaEnvironments, consoleUpstreams, identityEndpoints, SERVICE_PORTS } from './lib/system-env.mjs';
export { InfraError, isInfraError } from './lib/errors.mjs';
