// @ts-check
/** Process helpers: liveness, command lines, process groups, pid files, running commands to a log. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

const hasProc = fs.existsSync('/proc/self/stat');

/**
 * Fields of /proc/<pid>/stat after the command name: [state, ppid, pgrp, …].
 * @param {number} pid
 * @returns {string[] | null}
 */
function procStat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * Is the process alive (zombies count as dead)?
 * @param {number} pid
 */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EPERM') return false;
  }
  if (hasProc) {
    const st = procStat(pid);
    return !!st && st[0] !== 'Z' && st[0] !== 'X';
  }
  return true;
}

/**
 * @param {number} pid
 * @returns {string} the command line ('' if unknown)
 */
export function commandLine(pid) {
  if (hasProc) {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      return '';
    }
  }
  const r = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

/**
 * @param {number} pid
 * @returns {number | null} the process group id
 */
export function processGroup(pid) {
  if (hasProc) {
    const st = procStat(pid);
    return st ? Number(st[2]) : null;
  }
  const r = spawnSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/**
 * Live (non-zombie) members of a process group.
 * @param {number} pgid
 * @returns {number[]}
 */
export function groupMembers(pgid) {
  if (hasProc) {
    /** @type {number[]} */
    const out = [];
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const st = procStat(Number(d));
      if (st && Number(st[2]) === pgid && st[0] !== 'Z' && st[0] !== 'X') out.push(Number(d));
    }
    return out;
  }
  try {
    process.kill(-pgid, 0);
    return [pgid];
  } catch {
    return [];
  }
}

/**
 * Send a signal to a whole process group (or to the single process if it does not lead its group).
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function signalTree(pid, signal) {
  const pgid = processGroup(pid);
  try {
    if (pgid === pid) process.kill(-pid, signal);
    else process.kill(pid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * SIGTERM the process group led by `pid`, wait up to `graceMs`, then SIGKILL; returns once no member is left.
 * `graceMs: 0` kills at once with SIGKILL, as a crash would (the chaos suite and fault tests).
 * @param {number} pid
 * @param {{ graceMs?: number }} [opts]
 * @returns {Promise<{ killed: boolean }>} killed: SIGKILL was needed
 */
export async function stopTree(pid, { graceMs = 20_000 } = {}) {
  const pgid = processGroup(pid) === pid ? pid : null;
  const remaining = () => (pgid ? groupMembers(pgid) : isAlive(pid) ? [pid] : []);
  if (remaining().length === 0) return { killed: false };
  if (graceMs > 0) signalTree(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (remaining().length === 0) return { killed: false };
    await sleep(100);
  }
  for (const p of remaining()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  if (pgid) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  const hard = Date.now() + 10_000;
  while (remaining().length > 0 && Date.now() < hard) await sleep(100);
  return { killed: true };
}

/**
 * @param {string} file
 * @returns {number | null}
 */
export function readPidFile(file) {
  try {
    const n = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} file
 * @param {number} pid
 */
export function writePidFile(file, pid) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${pid}\n`);
}

/** @param {string} file */
export function removeFile(file) {
  try {
    fs.unlinkSync(file);
  } catch {
    /* absent */
  }
}

/**
 * Is `cmd` runnable? Returns its `--version`-style output, or null when it is not on PATH.
 * @param {string} cmd
 * @param {string[]} args
 * @returns {string | null}
 */
export function probeCommand(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.error) return null;
  return `${r.stdout || ''}${r.stderr || ''}`;
}

/**
 * Run a command to completion, appending its output to `logFile`.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile: string, heartbeat?: (elapsedMs: number) => void,
 *   heartbeatMs?: number }} opts
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, lastLines: string[] }>}
 */
export function runLogged(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
    const out = fs.createWriteStream(opts.logFile, { flags: 'a' });
    out.write(`\n$ ${[cmd, ...args].join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}\n`);
    /** @type {string[]} */
    let tail = [];
    const started = Date.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (/** @type {Buffer} */ b) => {
      out.write(b);
      tail = tail.concat(b.toString('utf8').split('\n').filter((l) => l.trim() !== '')).slice(-20);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = opts.heartbeat
      ? setInterval(() => opts.heartbeat?.(Date.now() - started), opts.heartbeatMs ?? 30_000)
      : null;
    child.on('error', (e) => {
      if (timer) clearInterval(timer);
      out.end();
      reject(e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearInterval(timer);
      out.write(`# exit ${code ?? signal} after ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
      out.end(() => resolve({ code, signal, lastLines: tail }));
    });
  });
}

/**
 * Environment for child processes: the caller's, minus variables that would silently reconfigure the servers
 * (TEMPORAL_*, FERRETDB_*) so the flags the launcher passes are the whole truth.
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function childEnv(extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(TEMPORAL_|FERRETDB_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** @returns {string} the java executable (JAVA_HOME/bin/java when JAVA_HOME is set) */
export function javaCommand() {
  const jh = process.env.JAVA_HOME;
  if (jh && fs.existsSync(path.join(jh, 'bin', 'java'))) return path.join(jh, 'bin', 'java');
  return 'java';
}
