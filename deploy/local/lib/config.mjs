// @ts-check
/**
 * Versions, paths and ports of the local infrastructure. Everything the launcher writes lives under ONE
 * folder, `<repo>/.civicflow/` (override with CIVICFLOW_HOME):
 *
 *   tools/<tool>-<version>/   provisioned binaries and jars (the folder name is the cache key); always
 *                             <repo>/.civicflow/tools (or CIVICFLOW_TOOLS), shared by every instance
 *   conf/                     generated configuration (kafka server.properties, …)
 *   data/                     server data (Kafka log dirs, Temporal SQLite file, FerretDB SQLite files)
 *   logs/                     one log per server, plus provision.log
 *   run/                      pid files and the launcher lock
 *   state.json                what the launcher provisioned and started
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InfraError } from './errors.mjs';
import { FERRETDB_PATCH_SET } from '../ferretdb/patches.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** deploy/local */
export const LOCAL_DIR = path.resolve(here, '..');
/** repository root */
export const REPO_ROOT = path.resolve(LOCAL_DIR, '..', '..');

/**
 * Pinned versions. Changing one changes the tool folder name, so the next `provision`/`up` re-provisions it.
 * (When the way a tool is provisioned changes without a version change, bump its RECIPE_REV in provision.mjs.)
 */
export const VERSIONS = Object.freeze({
  kafka: '3.9.1',
  temporalCli: 'v1.5.1',
  temporalTestServer: '1.31.0',
  ferretdb: 'v1.24.0',
});

/** @typedef {'kafka' | 'temporal' | 'ferretdb'} ServerName */
/** @typedef {'kafka' | 'temporalCli' | 'temporalTestServer' | 'ferretdb'} ToolName */

/** Long-running servers, in start order. */
export const SERVER_NAMES = /** @type {const} */ (['kafka', 'temporal', 'ferretdb']);

/** Accepted spellings on the command line / in `up({ servers })`. */
const ALIASES = /** @type {Record<string, ServerName>} */ ({
  kafka: 'kafka',
  temporal: 'temporal',
  ferretdb: 'ferretdb',
  ferret: 'ferretdb',
  mongo: 'ferretdb',
  mongodb: 'ferretdb',
});

/**
 * @param {readonly string[] | undefined} names
 * @returns {ServerName[]} canonical names in start order (all servers when `names` is empty)
 */
export function resolveServers(names) {
  if (!names || names.length === 0) return [...SERVER_NAMES];
  /** @type {Set<ServerName>} */
  const wanted = new Set();
  for (const n of names) {
    const s = ALIASES[String(n).toLowerCase()];
    if (!s) {
      throw new InfraError(
        `unknown server "${n}"; known servers: ${SERVER_NAMES.join(', ')} (mongo is an alias of ferretdb)`,
        'USAGE',
      );
    }
    wanted.add(s);
  }
  return SERVER_NAMES.filter((s) => wanted.has(s));
}

/**
 * The launcher's home folder (data, logs, pid files of one instance): CIVICFLOW_HOME, else a folder of its own
 * for an instance moved by CIVICFLOW_PORT_BASE (so two instances never share data or pid files), else .civicflow.
 * @returns {string} absolute path
 */
export function homeDir() {
  const h = process.env.CIVICFLOW_HOME;
  if (h) return path.resolve(h);
  const base = portBase();
  return base === undefined ? path.join(REPO_ROOT, '.civicflow') : path.join(REPO_ROOT, '.civicflow', 'instances', String(base));
}

/**
 * @typedef {object} Paths
 * @property {string} home
 * @property {string} tools
 * @property {string} conf
 * @property {string} data
 * @property {string} logs
 * @property {string} run
 * @property {string} stateFile
 * @property {string} lockFile
 * @property {string} provisionLog
 * @property {string} kafkaDir          tools/kafka-<v>
 * @property {string} kafkaLibs         tools/kafka-<v>/libs
 * @property {string} temporalCliDir    tools/temporal-cli-<v>
 * @property {string} temporalBin       tools/temporal-cli-<v>/bin/temporal
 * @property {string} testServerDir     tools/temporal-test-server-<v>
 * @property {string} testServerLibs    tools/temporal-test-server-<v>/libs
 * @property {string} testServerBin     tools/temporal-test-server-<v>/bin/temporal-test-server
 * @property {string} ferretdbDir       tools/ferretdb-<v>-<patch set> (deploy/local/ferretdb/patches.mjs)
 * @property {string} ferretdbBin       tools/ferretdb-<v>-<patch set>/bin/ferretdb
 */

/** @returns {Paths} */
export function paths() {
  const home = homeDir();
  // provisioned binaries are shared by every instance of this checkout (npm start, npm test, moved instances)
  const tools = process.env.CIVICFLOW_TOOLS ? path.resolve(process.env.CIVICFLOW_TOOLS) : path.join(REPO_ROOT, '.civicflow', 'tools');
  const kafkaDir = path.join(tools, `kafka-${VERSIONS.kafka}`);
  const temporalCliDir = path.join(tools, `temporal-cli-${VERSIONS.temporalCli}`);
  const testServerDir = path.join(tools, `temporal-test-server-${VERSIONS.temporalTestServer}`);
  const ferretdbDir = path.join(tools, `ferretdb-${VERSIONS.ferretdb}-${FERRETDB_PATCH_SET}`);
  return {
    home,
    tools,
    conf: path.join(home, 'conf'),
    data: path.join(home, 'data'),
    logs: path.join(home, 'logs'),
    run: path.join(home, 'run'),
    stateFile: path.join(home, 'state.json'),
    lockFile: path.join(home, 'run', 'infra.lock'),
    provisionLog: path.join(home, 'logs', 'provision.log'),
    kafkaDir,
    kafkaLibs: path.join(kafkaDir, 'libs'),
    temporalCliDir,
    temporalBin: path.join(temporalCliDir, 'bin', 'temporal'),
    testServerDir,
    testServerLibs: path.join(testServerDir, 'libs'),
    testServerBin: path.join(testServerDir, 'bin', 'temporal-test-server'),
    ferretdbDir,
    ferretdbBin: path.join(ferretdbDir, 'bin', 'ferretdb'),
  };
}

/**
 * CIVICFLOW_PORT_BASE moves a whole instance with one setting: every port becomes base + a fixed offset (see
 * PORT_OFFSETS), so a second instance on other ports never touches the first. Unset: today's defaults.
 * @returns {number | undefined}
 */
export function portBase() {
  const raw = process.env.CIVICFLOW_PORT_BASE;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1024 || n > 65_000) {
    throw new InfraError(`CIVICFLOW_PORT_BASE=${raw} is not a port base between 1024 and 65000 (every port is base + 0…99)`, 'USAGE');
  }
  return n;
}

/** Offsets from CIVICFLOW_PORT_BASE, by port variable (servers here; services in system-env.mjs). */
export const PORT_OFFSETS = Object.freeze({
  CONSOLE_PORT: 0,
  HOTLINE_PORT: 1,
  INTAKE_PORT: 2,
  GRID_PORT: 3,
  NOTIFICATION_PORT: 5,
  CASEWORK_PORT: 6,
  MEDIATION_PORT: 7,
  WORKER_HEALTH_PORT: 8,
  IDENTITY_PORT: 10,
  MONGO_PORT: 17,
  TEMPORAL_PORT: 33,
  TEMPORAL_UI_PORT: 34,
  KAFKA_PORT: 92,
  KAFKA_CONTROLLER_PORT: 93,
});

/**
 * A port: its own variable if set, else CIVICFLOW_PORT_BASE + its offset, else the default.
 * @param {string} envVar
 * @param {number} fallback
 * @returns {number}
 */
export function portFromEnv(envVar, fallback) {
  const raw = process.env[envVar];
  const base = portBase();
  const offset = /** @type {Record<string, number>} */ (PORT_OFFSETS)[envVar];
  if ((raw === undefined || raw === '') && base !== undefined && offset !== undefined) return base + offset;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new InfraError(`${envVar}=${raw} is not a valid TCP port (1-65535)`, 'USAGE');
  }
  return n;
}

/**
 * @typedef {object} PortSpec
 * @property {number} port
 * @property {string} env   the environment variable that overrides it
 * @property {string} role  e.g. "Kafka broker"
 */

/** Every server binds 127.0.0.1 only. */
export const HOST = '127.0.0.1';

/** @returns {Record<ServerName, PortSpec[]>} the ports each server binds; the first one is its main port */
export function ports() {
  return {
    kafka: [
      { port: portFromEnv('KAFKA_PORT', 9092), env: 'KAFKA_PORT', role: 'Kafka broker' },
      { port: portFromEnv('KAFKA_CONTROLLER_PORT', 9093), env: 'KAFKA_CONTROLLER_PORT', role: 'Kafka controller' },
    ],
    temporal: [
      { port: portFromEnv('TEMPORAL_PORT', 7233), env: 'TEMPORAL_PORT', role: 'Temporal frontend (gRPC)' },
      { port: portFromEnv('TEMPORAL_UI_PORT', 8233), env: 'TEMPORAL_UI_PORT', role: 'Temporal Web UI' },
    ],
    ferretdb: [{ port: portFromEnv('MONGO_PORT', 27017), env: 'MONGO_PORT', role: 'FerretDB, MongoDB wire protocol' }],
  };
}

/**
 * @typedef {object} Endpoints
 * @property {string} kafkaBrokers                 e.g. "127.0.0.1:9092"
 * @property {string} temporalAddress              e.g. "127.0.0.1:7233"
 * @property {string} temporalUi                   e.g. "http://127.0.0.1:8233"
 * @property {string} mongoUrl                     e.g. "mongodb://127.0.0.1:27017"
 * @property {string} temporalTestServerExecutable absolute path of the time-skipping test server wrapper
 */

/** @returns {Endpoints} where the local servers listen (from the port environment variables) */
export function endpoints() {
  const p = ports();
  return {
    kafkaBrokers: `${HOST}:${p.kafka[0].port}`,
    temporalAddress: `${HOST}:${p.temporal[0].port}`,
    temporalUi: `http://${HOST}:${p.temporal[1].port}`,
    mongoUrl: `mongodb://${HOST}:${p.ferretdb[0].port}`,
    temporalTestServerExecutable: paths().testServerBin,
  };
}

/**
 * CIVICFLOW_INFRA selects who provides the infrastructure: `native` (this launcher, the default; `local` is
 * accepted as an alias), `external` (servers managed elsewhere) or `docker` (testcontainers / docker-compose.yml).
 * @returns {'native' | 'external' | 'docker'}
 */
export function infraMode() {
  const raw = (process.env.CIVICFLOW_INFRA || 'native').trim().toLowerCase();
  if (raw === 'native' || raw === 'local') return 'native';
  if (raw === 'external' || raw === 'docker') return raw;
  throw new InfraError(`CIVICFLOW_INFRA=${process.env.CIVICFLOW_INFRA} is not one of: native, external, docker`, 'USAGE');
}

/**
 * Readiness timeout per server in milliseconds (CIVICFLOW_INFRA_TIMEOUT, in seconds, overrides all).
 * @param {ServerName} server
 */
export function readyTimeoutMs(server) {
  const raw = Number(process.env.CIVICFLOW_INFRA_TIMEOUT);
  if (Number.isFinite(raw) && raw > 0) return raw * 1000;
  return { kafka: 120_000, temporal: 90_000, ferretdb: 60_000 }[server];
}
