// @ts-check
/** How each long-running server is configured, started and probed. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HOST, LOCAL_DIR, VERSIONS, paths, ports } from './config.mjs';
import { FERRETDB_PATCH_SET } from '../ferretdb/patches.mjs';
import { InfraError } from './errors.mjs';
import { childEnv, javaCommand, runLogged } from './proc.mjs';
import { kafkaProbe, mongoProbe, temporalProbe } from './ready.mjs';

/** @typedef {import('./config.mjs').ServerName} ServerName */
/** @typedef {import('./config.mjs').ToolName} ToolName */
/** @typedef {import('./config.mjs').PortSpec} PortSpec */

/**
 * @typedef {object} ServerDef
 * @property {ServerName} name
 * @property {string} title                   e.g. "Apache Kafka 3.9.1 (KRaft)"
 * @property {string} version
 * @property {ToolName[]} tools               what must be provisioned to run it
 * @property {PortSpec[]} ports               bound ports (first = main port)
 * @property {string} logFile
 * @property {string} pidFile
 * @property {(cmdline: string) => boolean} owns  does this command line belong to our server?
 * @property {boolean} [restartWhenRebuilt]  a running server of another `version` (build) is restarted by `up`
 * @property {() => Promise<void>} prepare    write configuration, initialise data (before start)
 * @property {() => { cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string }} command
 * @property {() => Promise<string | null>} probe  null when ready, else the reason
 * @property {number} stopGraceMs             SIGTERM → SIGKILL delay
 */

/** @returns {Record<ServerName, ServerDef>} */
export function serverDefs() {
  const p = paths();
  const pt = ports();
  const logFile = (/** @type {string} */ n) => path.join(p.logs, `${n}.log`);
  const pidFile = (/** @type {string} */ n) => path.join(p.run, `${n}.pid`);

  // ---- Kafka ------------------------------------------------------------------------------------------------
  const [kPort, kCtl] = pt.kafka;
  const kafkaConf = path.join(p.conf, 'kafka');
  const kafkaData = path.join(p.data, 'kafka');
  const kafka = /** @type {ServerDef} */ ({
    name: 'kafka',
    title: `Apache Kafka ${VERSIONS.kafka} (KRaft)`,
    version: VERSIONS.kafka,
    tools: ['kafka'],
    ports: pt.kafka,
    logFile: logFile('kafka'),
    pidFile: pidFile('kafka'),
    stopGraceMs: 30_000,
    owns: (c) => c.includes('kafka.Kafka') && c.includes(p.home),
    prepare: async () => {
      fs.mkdirSync(kafkaConf, { recursive: true });
      fs.mkdirSync(kafkaData, { recursive: true });
      fs.copyFileSync(path.join(LOCAL_DIR, 'kafka', 'log4j.properties'), path.join(kafkaConf, 'log4j.properties'));
      fs.writeFileSync(path.join(kafkaConf, 'server.properties'), kafkaProperties(kPort.port, kCtl.port, kafkaData));
      if (!fs.existsSync(path.join(kafkaData, 'meta.properties'))) {
        // One-time storage format (KRaft): kafka-storage.sh format -t <cluster id> -c server.properties
        const res = await runLogged(
          javaCommand(),
          [...kafkaJvmArgs(kafkaConf, 'storage'), 'kafka.tools.StorageTool', 'format', '--ignore-formatted',
            '--cluster-id', kafkaClusterId(), '--config', path.join(kafkaConf, 'server.properties')],
          { logFile: logFile('kafka'), env: childEnv() },
        );
        if (res.code !== 0) {
          throw new InfraError(
            `formatting Kafka storage in ${kafkaData} failed (${res.lastLines.pop() || `exit ${res.code}`}); see ${logFile('kafka')}`,
            'START_FAILED',
            { logFile: logFile('kafka') },
          );
        }
      }
    },
    command: () => ({
      cmd: javaCommand(),
      args: [...kafkaJvmArgs(kafkaConf, 'broker'), 'kafka.Kafka', path.join(kafkaConf, 'server.properties')],
      env: childEnv(),
      cwd: p.home,
    }),
    probe: kafkaProbe(kPort.port),
  });

  // ---- Temporal dev server ------------------------------------------------------------------------------------
  const [tPort, tUi] = pt.temporal;
  const temporal = /** @type {ServerDef} */ ({
    name: 'temporal',
    title: `Temporal dev server (CLI ${VERSIONS.temporalCli})`,
    version: VERSIONS.temporalCli,
    tools: ['temporalCli'],
    ports: pt.temporal,
    logFile: logFile('temporal'),
    pidFile: pidFile('temporal'),
    stopGraceMs: 15_000,
    // any provisioned CLI (the tools folder moved once) serving this instance's database
    owns: (c) => /\/temporal-cli-v[^/\s]+\/bin\/temporal\b/.test(c) && c.includes('start-dev') && c.includes(path.join(p.data, 'temporal.db')),
    prepare: async () => {
      fs.mkdirSync(p.data, { recursive: true });
    },
    command: () => ({
      cmd: p.temporalBin,
      args: [
        'server', 'start-dev',
        '--ip', HOST,
        '--port', String(tPort.port),
        '--ui-port', String(tUi.port),
        '--db-filename', path.join(p.data, 'temporal.db'),
        // WAL: readers stop blocking the single writer; measured ~2× the workflows per second of the default
        // rollback journal on this store (bench/README.md). synchronous=NORMAL is durable across a crash of
        // the server process (what the chaos suite kills); only a power loss can drop the last commits.
        '--sqlite-pragma', 'journal_mode=wal',
        '--sqlite-pragma', 'synchronous=normal',
        '--log-level', 'warn',
        ...searchAttributes().flatMap(([k, t]) => ['--search-attribute', `${k}=${t}`]),
      ],
      env: childEnv(),
      cwd: p.home,
    }),
    probe: temporalProbe(p.temporalBin, tPort.port, tUi.port),
  });

  // ---- FerretDB -----------------------------------------------------------------------------------------------
  const [mPort] = pt.ferretdb;
  const ferretdb = /** @type {ServerDef} */ ({
    name: 'ferretdb',
    title: `FerretDB ${VERSIONS.ferretdb} (SQLite backend, patch set ${FERRETDB_PATCH_SET})`,
    version: `${VERSIONS.ferretdb}+${FERRETDB_PATCH_SET}`,
    tools: ['ferretdb'],
    ports: pt.ferretdb,
    logFile: logFile('ferretdb'),
    pidFile: pidFile('ferretdb'),
    stopGraceMs: 10_000,
    // any provisioned FerretDB build (an older patch set, an older tools folder) serving this instance's data
    owns: (c) => /\/ferretdb-v[^/\s]+\/bin\/ferretdb\b/.test(c) && c.includes(`--sqlite-url=file:${path.join(p.data, 'ferretdb')}/`),
    // a correction to FerretDB must reach the running server, or the conformance suite tests the old build
    restartWhenRebuilt: true,
    prepare: async () => {
      fs.mkdirSync(path.join(p.data, 'ferretdb'), { recursive: true });
      fs.mkdirSync(path.join(p.data, 'ferretdb-state'), { recursive: true });
    },
    command: () => ({
      cmd: p.ferretdbBin,
      args: [
        '--handler=sqlite',
        `--sqlite-url=file:${path.join(p.data, 'ferretdb')}/`,
        `--listen-addr=${HOST}:${mPort.port}`,
        `--state-dir=${path.join(p.data, 'ferretdb-state')}`,
        '--telemetry=disable',
        '--log-level=warn',
        // The debug HTTP listener (metrics/pprof, default 127.0.0.1:8088) is off: "-" disables it.
        '--debug-addr=-',
      ],
      env: childEnv(),
      cwd: p.home,
    }),
    probe: mongoProbe(mPort.port),
  });

  return { kafka, temporal, ferretdb };
}

/**
 * @param {string} confDir
 * @param {'broker' | 'storage'} what
 * @returns {string[]} JVM arguments up to (excluding) the main class
 */
function kafkaJvmArgs(confDir, what) {
  const p = paths();
  const heap =
    what === 'storage'
      ? ['-Xmx256m']
      : (process.env.KAFKA_HEAP_OPTS || '-Xms256m -Xmx512m').split(/\s+/).filter(Boolean);
  return [
    ...heap,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${path.join(confDir, 'log4j.properties')}`,
    `-Dkafka.logs.dir=${p.logs}`,
    '-cp',
    `${p.kafkaLibs}/*`,
  ];
}

/**
 * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (what `kafka-storage random-uuid`
 * prints; Kafka also never hands out ids starting with "-").
 */
function kafkaClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * @param {number} port
 * @param {number} controllerPort
 * @param {string} dataDir
 */
function kafkaProperties(port, controllerPort, dataDir) {
  return `# Generated by deploy/local (CivicFlow) on every start; edit deploy/local/lib/servers.mjs instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${controllerPort}
listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}
advertised.listeners=PLAINTEXT://${HOST}:${port}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${dataDir}

# single node: replication factor 1 everywhere
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10

# fast consumer tests, convenient topics
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
num.partitions=3
delete.topic.enable=true

# modest footprint (2 cores)
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=16777216
log.retention.hours=72
log.segment.bytes=104857600
`;
}

/** @returns {[string, string][]} name/type pairs from deploy/local/temporal-search-attributes.json */
export function searchAttributes() {
  const file = path.join(LOCAL_DIR, 'temporal-search-attributes.json');
  /** @type {Record<string, string>} */
  let raw;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InfraError(`cannot read ${file}: ${/** @type {Error} */ (e).message}`, 'USAGE');
  }
  const types = ['Text', 'Keyword', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList'];
  return Object.entries(raw).map(([k, t]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) || !types.includes(t)) {
      throw new InfraError(`${file}: "${k}": "${t}" is not a valid search attribute (types: ${types.join(', ')})`, 'USAGE');
    }
    return /** @type {[string, string]} */ ([k, t]);
  });
}
