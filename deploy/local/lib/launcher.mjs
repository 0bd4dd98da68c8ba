// @ts-check
/** provision / up / down / status / logs: the launcher's behaviour, shared by the CLI and the programmatic API. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_NAMES, endpoints, infraMode, paths, readyTimeoutMs, resolveServers } from './config.mjs';
import { InfraError } from './errors.mjs';
import { withLock } from './lock.mjs';
import {
  commandLine,
  groupMembers,
  isAlive,
  readPidFile,
  removeFile,
  sleep,
  stopTree,
  writePidFile,
} from './proc.mjs';
import { describeHolder, isPortFree } from './ports.mjs';
import { TOOL_NAMES, checkPrerequisites, displayPath, provisionTools } from './provision.mjs';
import { serverDefs } from './servers.mjs';
import { readState, updateState } from './state.mjs';

/** @typedef {import('./config.mjs').ServerName} ServerName */
/** @typedef {import('./config.mjs').ToolName} ToolName */
/** @typedef {import('./config.mjs').Endpoints} Endpoints */
/** @typedef {import('./servers.mjs').ServerDef} ServerDef */
/** @typedef {(msg: string) => void} Log */

/** @type {Log} */
const defaultLog = (m) => console.log(m);

/**
 * Provision every tool once (cached under <home>/tools): Kafka jars, the Temporal test server, the Temporal CLI
 * and FerretDB.
 * @param {{ log?: Log, only?: ToolName[] }} [opts]
 * @returns {Promise<{ provisioned: ToolName[], cached: ToolName[], seconds: Record<string, number> }>}
 */
export async function provision({ log = defaultLog, only } = {}) {
  const tools = only && only.length ? TOOL_NAMES.filter((t) => only.includes(t)) : [...TOOL_NAMES];
  return withLock(paths().lockFile, log, () => provisionTools(tools, log));
}

/**
 * @param {ServerDef} def
 * @returns {number | null} the pid of our running server, or null
 */
function ourPid(def) {
  const pid = readPidFile(def.pidFile);
  if (pid && isAlive(pid) && def.owns(commandLine(pid))) return pid;
  return null;
}

/**
 * @param {string} file
 * @returns {string} the most telling recent line of a log (last error, else last line)
 */
function lastLogLine(file) {
  try {
    const fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const len = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, size - len);
    fs.closeSync(fd);
    const lines = buf.toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const err = [...lines].reverse().find((l) => /\b(ERROR|FATAL|panic|Exception|Error:|error)\b/.test(l));
    const line = err || lines[lines.length - 1] || '';
    return line.length > 200 ? `${line.slice(0, 197)}…` : line;
  } catch {
    return '';
  }
}

/** @param {string} file */
function rotateLog(file) {
  try {
    if (fs.statSync(file).size > 0) fs.renameSync(file, `${file}.1`);
  } catch {
    /* no log yet */
  }
}

const rel = displayPath;

/**
 * Start one server detached (its own process group, output to its log file).
 * @param {ServerDef} def
 * @returns {Promise<{ pid: number, exit: { code: number | null, signal: string | null } | null }>}
 */
async function startServer(def) {
  fs.mkdirSync(path.dirname(def.logFile), { recursive: true });
  rotateLog(def.logFile);
  await def.prepare();
  const { cmd, args, env, cwd } = def.command();
  const out = fs.openSync(def.logFile, 'a');
  fs.writeSync(out, `===== ${new Date().toISOString()} starting ${def.title}\n$ ${cmd} ${args.join(' ')}\n`);
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out], env, cwd });
  fs.closeSync(out);
  const state = { pid: child.pid ?? 0, exit: /** @type {{ code: number | null, signal: string | null } | null} */ (null) };
  const spawnError = await new Promise((resolve) => {
    child.once('error', (e) => resolve(e));
    child.once('spawn', () => resolve(null));
  });
  if (spawnError || !child.pid) {
    throw new InfraError(
      `could not start ${def.name} (${cmd}): ${/** @type {Error} */ (spawnError)?.message ?? 'no pid'}`,
      'START_FAILED',
      { logFile: def.logFile },
    );
  }
  child.on('exit', (code, signal) => (state.exit = { code, signal }));
  child.unref();
  writePidFile(def.pidFile, child.pid);
  updateState((s) => {
    s.servers[def.name] = {
      pid: /** @type {number} */ (child.pid),
      ports: Object.fromEntries(def.ports.map((p) => [p.env, p.port])),
      version: def.version,
      startedAt: new Date().toISOString(),
      logFile: def.logFile,
    };
  });
  return state;
}

/**
 * Poll the server's probe until it answers, it dies, or the timeout passes.
 * @param {ServerDef} def
 * @param {{ pid: number, exit: { code: number | null, signal: string | null } | null }} proc
 * @param {Log} log
 * @returns {Promise<number>} seconds it took
 */
async function waitReady(def, proc, log) {
  const t0 = Date.now();
  const timeout = readyTimeoutMs(def.name);
  let next = t0 + 5000;
  let reason = '';
  for (;;) {
    if (!isAlive(proc.pid)) {
      const how = proc.exit ? (proc.exit.code !== null ? `with code ${proc.exit.code}` : `on ${proc.exit.signal}`) : '';
      const line = lastLogLine(def.logFile);
      throw new InfraError(
        `${def.name} exited ${how} during start-up${line ? ` — ${line}` : ''}; full log: ${rel(def.logFile)}`,
        'START_FAILED',
        { logFile: def.logFile },
      );
    }
    const r = await def.probe();
    if (r === null) return (Date.now() - t0) / 1000;
    reason = r;
    const now = Date.now();
    if (now - t0 > timeout) {
      throw new InfraError(
        `${def.name} did not become ready within ${Math.round(timeout / 1000)} s (${reason}); see ${rel(def.logFile)}` +
          ' (raise CIVICFLOW_INFRA_TIMEOUT, in seconds, on a slow machine)',
        'NOT_READY',
        { logFile: def.logFile },
      );
    }
    if (now >= next) {
      log(`      … waiting for ${def.name} (${Math.round((now - t0) / 1000)} s): ${reason}`);
      next += 5000;
    }
    await sleep(400);
  }
}

/**
 * @typedef {object} UpResult
 * @property {string[]} started         servers this call started
 * @property {string[]} alreadyRunning  servers that were already running (ours) and were reused
 * @property {Endpoints} endpoints
 */

/**
 * Provision what is needed, start the servers that are not running, and wait until every one really answers.
 * Idempotent: running servers (started by this launcher) are reused.
 * @param {{ servers?: string[], log?: Log }} [opts]
 * @returns {Promise<UpResult>}
 */
export async function up({ servers, log = defaultLog } = {}) {
  const mode = infraMode();
  if (mode !== 'native') {
    log(`CIVICFLOW_INFRA=${mode}: the local launcher does not start anything (the servers are managed ${mode === 'docker' ? 'by docker compose' : 'elsewhere'}).`);
    return { started: [], alreadyRunning: [], endpoints: endpoints() };
  }
  const names = resolveServers(servers);
  return withLock(paths().lockFile, log, async () => {
    const defs = serverDefs();
    /** @type {Set<ToolName>} */
    const tools = new Set(names.flatMap((n) => defs[n].tools));
    if (names.includes('temporal')) tools.add('temporalTestServer');
    await provisionTools(TOOL_NAMES.filter((t) => tools.has(t)), log);

    const state = readState();
    /** @type {ServerName[]} */
    const toStart = [];
    /** @type {Map<ServerName, number>} */
    const running = new Map();
    for (const n of names) {
      const def = defs[n];
      const pid = ourPid(def);
      if (!pid) {
        removeFile(def.pidFile);
        toStart.push(n);
        continue;
      }
      const rec = state.servers[n];
      if (rec?.ports) {
        const moved = def.ports.filter((p) => rec.ports[p.env] !== undefined && rec.ports[p.env] !== p.port);
        if (moved.length) {
          throw new InfraError(
            `${n} is already running with ${moved.map((p) => `${p.env}=${rec.ports[p.env]}`).join(', ')}, but ` +
              `${moved.map((p) => `${p.env}=${p.port}`).join(', ')} is asked for; run \`npm run infra -- down ${n}\` first`,
            'ALREADY_RUNNING_ELSEWHERE',
          );
        }
      }
      if (rec?.version && rec.version !== def.version && def.restartWhenRebuilt) {
        log(`  ${n}: ${rec.version} is running, ${def.version} is built; restarting it`);
        await stopOne(def, log, true);
        toStart.push(n);
        continue;
      }
      if (rec?.version && rec.version !== def.version) {
        log(`  ! ${n} ${rec.version} is running but ${def.version} is configured; \`npm run infra -- down ${n}\` then \`up\` to switch`);
      }
      running.set(n, pid);
    }

    // Pre-flight: runtimes present, no duplicate ports, every port free, before anything starts.
    if (toStart.includes('kafka')) checkPrerequisites(new Set(['java']));
    const all = names.flatMap((n) => defs[n].ports);
    const seen = new Map();
    for (const p of all) {
      if (seen.has(p.port)) {
        throw new InfraError(`${p.env} and ${seen.get(p.port)} are both ${p.port}; give them different ports`, 'USAGE');
      }
      seen.set(p.port, p.env);
    }
    for (const n of toStart) {
      for (const p of defs[n].ports) {
        if (!(await isPortFree(p.port))) {
          const who = describeHolder(p.port);
          throw new InfraError(
            `port ${p.port} (${p.role}) is already in use by another process${who ? ` (${who})` : ''}, not one ` +
              `started by this launcher; stop it or pick another port, e.g. ${p.env}=${p.port + 10000} npm run infra -- up`,
            'PORT_IN_USE',
          );
        }
      }
    }

    /** @type {Map<ServerName, { pid: number, exit: { code: number | null, signal: string | null } | null }>} */
    const procs = new Map();
    for (const n of names) {
      const def = defs[n];
      if (running.has(n)) {
        log(`  ${n}: already running (pid ${running.get(n)}), reusing it`);
        procs.set(n, { pid: /** @type {number} */ (running.get(n)), exit: null });
      }
    }
    try {
      for (const n of toStart) {
        const def = defs[n];
        log(`  ${n}: starting ${def.title} on ${def.ports.map((p) => p.port).join(', ')} (log: ${rel(def.logFile)})`);
        procs.set(n, await startServer(def));
      }
    } catch (e) {
      await Promise.all(toStart.filter((n) => procs.has(n)).map((n) => stopOne(defs[n], log, true)));
      throw e;
    }

    const results = await Promise.allSettled(
      names.map(async (n) => {
        const secs = await waitReady(defs[n], /** @type {any} */ (procs.get(n)), log);
        log(`  ✓ ${n} ready${toStart.includes(n) ? ` in ${secs.toFixed(1)} s` : ''}`);
      }),
    );
    const failed = names.filter((_, i) => results[i].status === 'rejected');
    if (failed.length) {
      // Do not leave half-started servers behind: stop the ones this call started and that did not come up.
      await Promise.all(failed.filter((n) => toStart.includes(n)).map((n) => stopOne(defs[n], log, true)));
      const first = /** @type {PromiseRejectedResult} */ (results[names.indexOf(failed[0])]).reason;
      if (failed.length > 1 && first instanceof InfraError) {
        first.message += ` (also failed: ${failed.slice(1).join(', ')})`;
      }
      throw first;
    }
    return {
      started: toStart,
      alreadyRunning: names.filter((n) => !toStart.includes(n)),
      endpoints: endpoints(),
    };
  });
}

/**
 * Stop one server if it is ours. Returns true if something was stopped.
 * @param {ServerDef} def
 * @param {Log} log
 * @param {boolean} [quiet]
 */
async function stopOne(def, log, quiet = false, crash = false) {
  const pid = readPidFile(def.pidFile);
  let stopped = false;
  if (pid && isAlive(pid) && def.owns(commandLine(pid))) {
    if (!quiet) log(`  stopping ${def.name} (pid ${pid})…`);
    const t0 = Date.now();
    const { killed } = await stopTree(pid, { graceMs: crash ? 0 : def.stopGraceMs });
    if (!quiet) log(`  ✓ ${def.name} stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s${killed ? ' (had to SIGKILL)' : ''}`);
    stopped = true;
  } else if (pid && !isAlive(pid)) {
    // The leader is gone; make sure none of its process group (our children) lingers.
    const home = paths().home;
    const left = groupMembers(pid).filter((m) => commandLine(m).includes(home));
    for (const m of left) {
      try {
        process.kill(m, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    if (left.length && !quiet) log(`  killed ${left.length} leftover process(es) of ${def.name}`);
  }
  if (pid && isAlive(pid) && def.owns(commandLine(pid))) {
    throw new InfraError(`could not stop ${def.name} (pid ${pid}); kill it by hand`, 'STOP_FAILED');
  }
  removeFile(def.pidFile);
  updateState((s) => {
    delete s.servers[def.name];
  });
  return stopped;
}

/**
 * Stop the servers this launcher started (pid files), process group included; waits until they have exited.
 * Servers it did not start are never touched.
 * `crash: true` SIGKILLs instead (no shutdown at all), as a crash would: fault tests use it.
 * @param {{ only?: string[], log?: Log, crash?: boolean }} [opts]
 * @returns {Promise<{ stopped: string[], notRunning: string[] }>}
 */
export async function down({ only, log = defaultLog, crash = false } = {}) {
  const mode = infraMode();
  if (mode !== 'native') {
    log(`CIVICFLOW_INFRA=${mode}: the local launcher does not stop anything (the servers are managed ${mode === 'docker' ? 'by docker compose' : 'elsewhere'}).`);
    return { stopped: [], notRunning: [] };
  }
  const names = resolveServers(only);
  return withLock(paths().lockFile, log, async () => {
    const defs = serverDefs();
    const res = await Promise.all(names.map((n) => stopOne(defs[n], log, false, crash)));
    const stopped = names.filter((_, i) => res[i]);
    const notRunning = names.filter((_, i) => !res[i]);
    if (notRunning.length) log(`  not running: ${notRunning.join(', ')}`);
    return { stopped, notRunning };
  });
}

/**
 * @typedef {object} ServerStatus
 * @property {ServerName} server
 * @property {number} port          main port (as started when running, else as configured)
 * @property {number[]} ports       all ports it binds
 * @property {number | null} pid
 * @property {'running' | 'stopped' | 'not ours'} state   "not ours": one of its ports is held by another process
 * @property {string} logFile
 */

/**
 * @returns {Promise<ServerStatus[]>}
 */
export async function status() {
  const defs = serverDefs();
  const state = readState();
  /** @type {ServerStatus[]} */
  const out = [];
  for (const n of SERVER_NAMES) {
    const def = defs[n];
    const pid = ourPid(def);
    const rec = state.servers[n];
    const portsNow = def.ports.map((p) => (pid && rec?.ports?.[p.env]) || p.port);
    if (pid) {
      out.push({ server: n, port: portsNow[0], ports: portsNow, pid, state: 'running', logFile: def.logFile });
      continue;
    }
    let busy = false;
    for (const p of portsNow) if (!(await isPortFree(p))) busy = true;
    out.push({ server: n, port: portsNow[0], ports: portsNow, pid: null, state: busy ? 'not ours' : 'stopped', logFile: def.logFile });
  }
  return out;
}

/**
 * @param {string} server  a server name (or alias) or "provision"
 * @returns {string} its log file
 */
export function logFileOf(server) {
  if (server === 'provision') return paths().provisionLog;
  const [n] = resolveServers([server]);
  return serverDefs()[n].logFile;
}

/**
 * @param {string} file
 * @param {number} n
 * @returns {string[]} the last n lines
 */
export function tailFile(file, n) {
  if (!fs.existsSync(file)) return [];
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  let pos = size;
  let text = '';
  const chunk = 64 * 1024;
  while (pos > 0 && text.split('\n').length <= n + 1) {
    const len = Math.min(chunk, pos);
    pos -= len;
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, pos);
    text = buf.toString('utf8') + text;
  }
  fs.closeSync(fd);
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.slice(-n);
}
