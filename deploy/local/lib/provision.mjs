// @ts-check
/**
 * One-time provisioning of the binaries and jars, cached under <home>/tools/<tool>-<version>/.
 * A tool folder is complete when it holds `.provisioned.json` with the expected cache key; tools are built in a
 * temporary sibling folder and renamed into place, so an interrupted build never looks provisioned.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { LOCAL_DIR, VERSIONS, paths } from './config.mjs';
import { InfraError } from './errors.mjs';
import { canConnect } from './ports.mjs';
import { childEnv, javaCommand, probeCommand, runLogged, sleep, stopTree } from './proc.mjs';
import { updateState } from './state.mjs';
import { FERRETDB_PATCH_SET, applyFerretdbPatches } from '../ferretdb/patches.mjs';

/** @typedef {import('./config.mjs').ToolName} ToolName */
/** @typedef {(msg: string) => void} Log */

export const TOOL_NAMES = /** @type {const} */ (['kafka', 'temporalTestServer', 'temporalCli', 'ferretdb']);

/** Bump one to re-provision that tool when its recipe changes (the version is part of the key anyway). */
const RECIPE_REV = { kafka: 1, temporalTestServer: 1, temporalCli: 1, ferretdb: 2 };

const DEBIAN_HINT = 'on Debian/Ubuntu: apt-get install openjdk-17-jre-headless maven golang';

/**
 * @typedef {object} Recipe
 * @property {string} title        human name, e.g. "Kafka 3.9.1 jars"
 * @property {string} verb         e.g. "fetching … with Maven"
 * @property {string} dir          final folder
 * @property {string} key          cache key stored in .provisioned.json
 * @property {string} version
 * @property {('java' | 'mvn' | 'go')[]} needs
 * @property {string} eta          expected first-time duration, for the progress line
 * @property {(tmp: string, ctx: StepContext) => Promise<void>} build  fills `tmp` (renamed to `dir` afterwards)
 * @property {(dir: string, ctx: StepContext) => Promise<void>} [finish]  runs after the rename (absolute paths)
 */

/**
 * @typedef {object} StepContext
 * @property {string} logFile
 * @property {Log} log
 * @property {string} title
 */

/**
 * @param {string} file
 * @returns {string} relative to the working directory when inside it, else absolute
 */
export function displayPath(file) {
  const r = path.relative(process.cwd(), file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file;
}

/** @param {string} file */
function sha(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
}

/** @returns {Record<ToolName, Recipe>} */
function recipes() {
  const p = paths();
  const kafkaPom = path.join(LOCAL_DIR, 'maven', 'kafka', 'pom.xml');
  const ttsPom = path.join(LOCAL_DIR, 'maven', 'temporal-test-server', 'pom.xml');
  return {
    kafka: {
      title: `Kafka ${VERSIONS.kafka} jars`,
      verb: `fetching Apache Kafka ${VERSIONS.kafka} jars with Maven`,
      dir: p.kafkaDir,
      version: VERSIONS.kafka,
      key: `kafka ${VERSIONS.kafka} recipe ${RECIPE_REV.kafka} pom ${sha(kafkaPom)}`,
      needs: ['java', 'mvn'],
      eta: '~10-60 s',
      build: async (tmp, ctx) => {
        await mavenCopy(kafkaPom, { 'kafka.version': VERSIONS.kafka }, path.join(tmp, 'libs'), ctx);
        if (!fs.existsSync(path.join(tmp, 'libs', `kafka_2.13-${VERSIONS.kafka}.jar`))) {
          throw stepError(ctx, 'Maven did not produce the kafka_2.13 jar');
        }
      },
    },
    temporalTestServer: {
      title: `Temporal test server ${VERSIONS.temporalTestServer}`,
      verb: `fetching Temporal time-skipping test server ${VERSIONS.temporalTestServer} with Maven`,
      dir: p.testServerDir,
      version: VERSIONS.temporalTestServer,
      key: `temporal-test-server ${VERSIONS.temporalTestServer} recipe ${RECIPE_REV.temporalTestServer} pom ${sha(ttsPom)}`,
      needs: ['java', 'mvn'],
      eta: '~10-60 s',
      build: async (tmp, ctx) => {
        await mavenCopy(
          ttsPom,
          { 'temporal.test.server.version': VERSIONS.temporalTestServer },
          path.join(tmp, 'libs'),
          ctx,
        );
      },
      finish: async (dir, ctx) => {
        const bin = path.join(dir, 'bin', 'temporal-test-server');
        const jsa = path.join(dir, 'cds', 'test-server.jsa');
        writeTestServerWrapper(bin, path.join(dir, 'libs'), jsa);
        await buildClassDataArchive(dir, jsa, ctx);
        await smokeTestTestServer(bin, ctx);
      },
    },
    temporalCli: {
      title: `Temporal CLI ${VERSIONS.temporalCli}`,
      verb: `building Temporal CLI ${VERSIONS.temporalCli} with go install`,
      dir: p.temporalCliDir,
      version: VERSIONS.temporalCli,
      key: `temporal-cli ${VERSIONS.temporalCli} recipe ${RECIPE_REV.temporalCli}`,
      needs: ['go'],
      eta: '~3-6 min',
      build: async (tmp, ctx) => {
        const bin = path.join(tmp, 'bin');
        await runStep(
          'go',
          ['install', `github.com/temporalio/cli/cmd/temporal@${VERSIONS.temporalCli}`],
          { env: goEnv({ GOBIN: bin }) },
          ctx,
        );
        await checkRuns(path.join(bin, 'temporal'), ['--version'], ctx);
      },
    },
    ferretdb: {
      title: `FerretDB ${VERSIONS.ferretdb}`,
      verb: `building FerretDB ${VERSIONS.ferretdb} with go build`,
      dir: p.ferretdbDir,
      version: VERSIONS.ferretdb,
      key: `ferretdb ${VERSIONS.ferretdb} recipe ${RECIPE_REV.ferretdb} patches ${FERRETDB_PATCH_SET}`,
      needs: ['go'],
      eta: '~1-4 min',
      build: async (tmp, ctx) => {
        // `go install …/cmd/ferretdb@v1.24.0` builds a binary that panics at start-up: FerretDB's
        // build/version package requires a generated build/version/version.txt that the module zip does not
        // contain. So: download the module, copy it, add version.txt, and `go build` that copy.
        const mod = `github.com/FerretDB/FerretDB@${VERSIONS.ferretdb}`;
        const dl = await runStep('go', ['mod', 'download', '-json', mod], { env: goEnv({}), capture: true }, ctx);
        /** @type {{ Dir?: string, Error?: string }} */
        let info = {};
        try {
          info = JSON.parse(dl.stdout);
        } catch {
          /* handled below */
        }
        if (!info.Dir || !fs.existsSync(info.Dir)) throw stepError(ctx, `go mod download ${mod} gave no folder`);
        const src = path.join(tmp, 'src');
        fs.cpSync(info.Dir, src, { recursive: true });
        makeWritable(src);
        fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${VERSIONS.ferretdb}\n`);
        fs.writeFileSync(path.join(src, 'build', 'version', 'package.txt'), 'civicflow-local\n');
        // CivicFlow's corrections (index use for _id, atomic read-modify-write): deploy/local/ferretdb/README.md
        applyFerretdbPatches(src, fs, (line) => fs.appendFileSync(ctx.logFile, `${line}\n`));
        await runStep(
          'go',
          ['build', '-o', path.join(tmp, 'bin', 'ferretdb'), './cmd/ferretdb'],
          { cwd: src, env: goEnv({}) },
          ctx,
        );
        rmrf(src);
        await checkRuns(path.join(tmp, 'bin', 'ferretdb'), ['--version'], ctx);
      },
    },
  };
}

/**
 * Go environment: VCS stamping off (the build folders sit inside this git checkout, and module builds
 * need none), GOBIN etc. from `extra`.
 * @param {Record<string, string>} extra
 */
function goEnv(extra) {
  const flags = (process.env.GOFLAGS || '').split(/\s+/).filter((f) => f && !f.startsWith('-buildvcs'));
  return childEnv({ ...extra, GOFLAGS: [...flags, '-buildvcs=false'].join(' ') });
}

/**
 * rm -rf that also copes with read-only trees (Go module sources are copied read-only).
 * @param {string} dir
 */
function rmrf(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    try {
      makeWritable(dir);
    } catch {
      /* best effort */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {string} dir */
function makeWritable(dir) {
  fs.chmodSync(dir, 0o755);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) makeWritable(f);
    else if (e.isFile()) fs.chmodSync(f, 0o644);
  }
}

/** JVM options of the test server unless TEMPORAL_TEST_SERVER_JAVA_OPTS replaces them. */
const TEST_SERVER_JAVA_OPTS = '-XX:+UseSerialGC -Xms32m -Xmx512m -XX:+ExitOnOutOfMemoryError';

/**
 * The executable `@temporalio/testing` runs as `<path> <port> [extraArgs…]` (see sdk-core ephemeral_server:
 * the port is the first argument; it gives the server 5 s to accept connections and kills the process on
 * teardown). `exec` keeps the JVM as that very process. An AppCDS archive, when present, halves JVM start-up.
 * @param {string} bin
 * @param {string} libs
 * @param {string} jsa
 */
function writeTestServerWrapper(bin, libs, jsa) {
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  const java = javaCommand();
  const cp = shellQuote(`${libs}/*`);
  const script = `#!/bin/sh
# Temporal time-skipping test server ${VERSIONS.temporalTestServer}, provisioned by deploy/local (CivicFlow).
# Usage: temporal-test-server <port> [args...]   (what @temporalio/testing's 'existing-path' executable runs)
# TEMPORAL_TEST_SERVER_JAVA_OPTS replaces the default JVM options (and turns the AppCDS archive off).
JAVA="\${JAVA_HOME:+\$JAVA_HOME/bin/java}"
[ -x "$JAVA" ] || JAVA=${java === 'java' ? 'java' : shellQuote(java)}
JSA=${shellQuote(jsa)}
if [ -z "\$TEMPORAL_TEST_SERVER_JAVA_OPTS" ] && [ -f "\$JSA" ]; then
  exec "\$JAVA" ${TEST_SERVER_JAVA_OPTS} "-XX:SharedArchiveFile=\$JSA" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \\
    -cp ${cp} io.temporal.testserver.TestServer "$@"
fi
exec "\$JAVA" \${TEMPORAL_TEST_SERVER_JAVA_OPTS:-${TEST_SERVER_JAVA_OPTS}} -cp ${cp} io.temporal.testserver.TestServer "$@"
`;
  fs.writeFileSync(bin, script, { mode: 0o755 });
}

/**
 * Record the classes the test server loads into an AppCDS archive (run it once, stop it with SIGTERM: the JVM
 * dumps the archive at exit). Best effort: without the archive the server just starts slower.
 * @param {string} dir
 * @param {string} jsa
 * @param {StepContext} ctx
 */
async function buildClassDataArchive(dir, jsa, ctx) {
  fs.mkdirSync(path.dirname(jsa), { recursive: true });
  const port = await freePort();
  const args = [
    ...TEST_SERVER_JAVA_OPTS.split(' '),
    `-XX:ArchiveClassesAtExit=${jsa}`,
    '-cp',
    `${path.join(dir, 'libs')}/*`,
    'io.temporal.testserver.TestServer',
    String(port),
  ];
  const out = fs.openSync(ctx.logFile, 'a');
  fs.writeSync(out, `\n$ ${javaCommand()} ${args.join(' ')}   (recording the AppCDS archive)\n`);
  const child = spawn(javaCommand(), args, { stdio: ['ignore', out, out], env: childEnv() });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.on('close', resolve));
  const t0 = Date.now();
  while (Date.now() - t0 < 30_000 && !(await canConnect(port, '127.0.0.1', 500))) await sleep(100);
  await sleep(500);
  child.kill('SIGTERM');
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 30_000)))]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (!fs.existsSync(jsa)) ctx.log('  ! could not record an AppCDS archive for the test server (it will start slower)');
}

/** @param {string} s */
function shellQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** @returns {Promise<number>} a free port on 127.0.0.1 */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/**
 * Start the wrapper like the SDK does and wait until it accepts connections (the SDK gives it 5 s).
 * @param {string} bin
 * @param {StepContext} ctx
 */
async function smokeTestTestServer(bin, ctx) {
  const port = await freePort();
  const out = fs.openSync(ctx.logFile, 'a');
  fs.writeSync(out, `\n$ ${bin} ${port}   (smoke test: must accept connections within 5 s)\n`);
  const child = spawn(bin, [String(port)], { stdio: ['ignore', out, out], detached: true, env: childEnv() });
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  const started = Date.now();
  let ok = false;
  while (!exited && Date.now() - started < 15_000) {
    if (await canConnect(port, '127.0.0.1', 500)) {
      ok = true;
      break;
    }
    await sleep(100);
  }
  const ms = Date.now() - started;
  if (child.pid) await stopTree(child.pid, { graceMs: 3000 });
  fs.appendFileSync(ctx.logFile, `# test server ${ok ? `listened after ${ms} ms` : 'never listened'}\n`);
  if (!ok) throw stepError(ctx, 'the test server wrapper did not start (is java working?)');
  if (ms > 4000) ctx.log(`  ! the test server needed ${(ms / 1000).toFixed(1)} s to start; @temporalio/testing allows 5 s`);
}

/**
 * @param {string} pom
 * @param {Record<string, string>} props
 * @param {string} outDir
 * @param {StepContext} ctx
 */
async function mavenCopy(pom, props, outDir, ctx) {
  await runStep(
    'mvn',
    [
      '-B',
      '--no-transfer-progress',
      '-Dstyle.color=never',
      '-f',
      pom,
      ...Object.entries(props).map(([k, v]) => `-D${k}=${v}`),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${outDir}`,
      '-DincludeScope=runtime',
    ],
    { env: childEnv() },
    ctx,
  );
}

/**
 * @param {StepContext} ctx
 * @param {string} why
 */
function stepError(ctx, why) {
  return new InfraError(`${ctx.title}: ${why}; full output in ${displayPath(ctx.logFile)}`, 'PROVISION_FAILED', {
    logFile: ctx.logFile,
  });
}

/**
 * Run one provisioning command, output to the provision log, heartbeat every 30 s.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, capture?: boolean }} opts
 * @param {StepContext} ctx
 * @returns {Promise<{ stdout: string }>}
 */
async function runStep(cmd, args, opts, ctx) {
  if (opts.capture) {
    fs.appendFileSync(ctx.logFile, `\n$ ${[cmd, ...args].join(' ')}\n`);
    const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env, encoding: 'utf8', maxBuffer: 64 << 20 });
    fs.appendFileSync(ctx.logFile, `${r.stdout || ''}${r.stderr || ''}# exit ${r.status}\n`);
    if (r.error || r.status !== 0) {
      const last = (r.stderr || '').trim().split('\n').pop() || String(r.error || `exit ${r.status}`);
      throw stepError(ctx, `\`${cmd} ${args[0]}\` failed: ${last}`);
    }
    return { stdout: r.stdout };
  }
  const res = await runLogged(cmd, args, {
    cwd: opts.cwd,
    env: opts.env,
    logFile: ctx.logFile,
    heartbeat: (ms) => ctx.log(`      … still working (${Math.round(ms / 1000)} s)`),
  });
  if (res.code !== 0) {
    const last = res.lastLines.filter((l) => !/^\s*(\[INFO\]|go: downloading)/.test(l)).pop() || '';
    throw stepError(ctx, `\`${cmd} ${args[0]}\` exited with ${res.code ?? res.signal}${last ? `: ${last.trim()}` : ''}`);
  }
  return { stdout: '' };
}

/**
 * @param {string} bin
 * @param {string[]} args
 * @param {StepContext} ctx
 */
async function checkRuns(bin, args, ctx) {
  const out = probeCommand(bin, args);
  fs.appendFileSync(ctx.logFile, `\n$ ${bin} ${args.join(' ')}\n${out ?? '(could not run)'}\n`);
  if (out === null || /panic:/.test(out)) throw stepError(ctx, `the built ${path.basename(bin)} does not run`);
}

/**
 * @param {string} dir
 * @returns {string | null} the cache key of a complete tool folder
 */
function provisionedKey(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, '.provisioned.json'), 'utf8')).key;
  } catch {
    return null;
  }
}

/**
 * @param {ToolName[]} tools
 * @returns {ToolName[]} the ones that still need provisioning
 */
export function missingTools(tools) {
  const r = recipes();
  return tools.filter((t) => provisionedKey(r[t].dir) !== r[t].key);
}

/**
 * Check that java / mvn / go are installed (only those `needs` lists).
 * @param {Set<'java' | 'mvn' | 'go'>} needs
 */
export function checkPrerequisites(needs) {
  /** @type {string[]} */
  const missing = [];
  /** @type {string[]} */
  const problems = [];
  if (needs.has('java')) {
    const out = probeCommand(javaCommand(), ['-version']);
    if (out === null) missing.push('java');
    else {
      const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
      const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
      if (major && major < 11) problems.push(`java ${major} is too old (Kafka 3.9 needs 11+, 17 recommended)`);
    }
  }
  if (needs.has('mvn') && probeCommand('mvn', ['-v']) === null) missing.push('mvn');
  if (needs.has('go')) {
    const out = probeCommand('go', ['version']);
    if (out === null) missing.push('go');
    else {
      const m = /go(\d+)\.(\d+)/.exec(out);
      if (m && (Number(m[1]) < 1 || (Number(m[1]) === 1 && Number(m[2]) < 21))) {
        problems.push(`${out.trim()} is too old (need Go 1.21+, which fetches the newer toolchain these builds ask for)`);
      }
    }
  }
  if (missing.length > 0) {
    throw new InfraError(
      `${missing.join(', ')} not found on PATH (needed to provision the local infrastructure); install ${
        missing.length > 1 ? 'them' : 'it'
      } ${DEBIAN_HINT}`,
      'MISSING_TOOL',
    );
  }
  if (problems.length > 0) throw new InfraError(`${problems.join('; ')}; ${DEBIAN_HINT}`, 'MISSING_TOOL');
}

/**
 * Provision the given tools (those already cached are skipped).
 * @param {ToolName[]} tools
 * @param {Log} log
 * @returns {Promise<{ provisioned: ToolName[], cached: ToolName[], seconds: Record<string, number> }>}
 */
export async function provisionTools(tools, log) {
  const p = paths();
  const r = recipes();
  const todo = missingTools(tools);
  const cached = tools.filter((t) => !todo.includes(t));
  /** @type {Record<string, number>} */
  const seconds = {};
  if (todo.length === 0) return { provisioned: [], cached, seconds };

  fs.mkdirSync(p.tools, { recursive: true });
  fs.mkdirSync(p.logs, { recursive: true });
  // Leftovers of interrupted runs (we hold the lock, so nobody else is building).
  for (const e of fs.readdirSync(p.tools)) {
    if (e.startsWith('.tmp-')) rmrf(path.join(p.tools, e));
  }

  const total = todo.length + 1;
  log(`[1/${total}] checking prerequisites (${[...new Set(todo.flatMap((t) => r[t].needs))].join(', ')})`);
  checkPrerequisites(new Set(todo.flatMap((t) => r[t].needs)));
  fs.appendFileSync(p.provisionLog, `\n===== provisioning ${todo.join(', ')} at ${new Date().toISOString()} =====\n`);

  let i = 1;
  for (const t of todo) {
    i++;
    const rec = r[t];
    const started = Date.now();
    log(`[${i}/${total}] ${rec.verb} (first time only, ${rec.eta})… log: ${displayPath(p.provisionLog)}`);
    /** @type {StepContext} */
    const ctx = { logFile: p.provisionLog, log, title: `provisioning ${rec.title} failed` };
    const tmp = path.join(p.tools, `.tmp-${path.basename(rec.dir)}-${process.pid}`);
    rmrf(tmp);
    fs.mkdirSync(tmp, { recursive: true });
    try {
      await rec.build(tmp, ctx);
      rmrf(rec.dir);
      fs.renameSync(tmp, rec.dir);
      if (rec.finish) await rec.finish(rec.dir, ctx);
    } catch (e) {
      rmrf(tmp);
      if (/** @type {NodeJS.ErrnoException} */ (e).code === 'ENOENT' && !(e instanceof InfraError)) {
        throw new InfraError(`${ctx.title}: ${/** @type {Error} */ (e).message}; see ${p.provisionLog}`, 'PROVISION_FAILED');
      }
      throw e;
    }
    const secs = Math.round((Date.now() - started) / 100) / 10;
    seconds[t] = secs;
    fs.writeFileSync(
      path.join(rec.dir, '.provisioned.json'),
      `${JSON.stringify({ tool: t, key: rec.key, version: rec.version, provisionedAt: new Date().toISOString(), seconds: secs }, null, 2)}\n`,
    );
    updateState((s) => {
      s.tools[t] = { version: rec.version, dir: rec.dir, provisionedAt: new Date().toISOString(), seconds: secs };
    });
    log(`      done in ${secs} s`);
  }
  return { provisioned: todo, cached, seconds };
}
