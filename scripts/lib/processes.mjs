// The processes of a CivicFlow system and how to start one: shared by `npm start` and the benches that run the
// whole system (bench/system.mjs), so both start exactly the same thing.
import { spawn } from 'node:child_process';
import { root } from './run.mjs';

/** Every process of the system: name and entry point (ports and URLs come from the environment it is given). */
export const SYSTEM_PROCESSES = Object.freeze([
  { name: 'identity', entry: 'services/identity/dist/main.js' },
  { name: 'hotline', entry: 'services/hotline/dist/main.js' },
  { name: 'intake', entry: 'services/intake/dist/main.js' },
  { name: 'grid', entry: 'services/grid/dist/main.js' },
  { name: 'casework', entry: 'services/casework/dist/main.js' },
  { name: 'notification', entry: 'services/notification/dist/main.js' },
  { name: 'mediation', entry: 'services/mediation/dist/main.js' },
  { name: 'console', entry: 'services/console/dist/main.js' },
  { name: 'case-worker', entry: 'workflows/dist/worker/main.js' },
]);

/** Starts one process with `env` added to this one's; each output line goes to `log` with the process's name. */
export function startProcess({ name, entry }, env, log = console.log) {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) log(prefix + line);
    });
  }
  child.on('exit', (code, signal) => log(`${prefix}exited (${signal ?? code})`));
  return child;
}

/**
 * Starts every process of the system once per replica environment (replicaEnvironments in deploy/local): the
 * services, the console (fronting every replica through `consoleEnv`'s URL lists) and the worker; output lines carry
 * the process's name, and its replica number from the second on (`[hotline#2]`). Like an orchestrator, it starts a
 * process again when it exits by itself (a service gives up when a server is away at its start), after
 * `restartDelayMs`. `stop()` sends SIGTERM to every process and resolves once all have exited.
 */
export function startSystem(envs, consoleEnv = {}, { log = console.log, restartDelayMs = 3000 } = {}) {
  let stopping = false;
  const members = envs.flatMap((env, r) => SYSTEM_PROCESSES.map((p) => ({
    process: { ...p, name: r === 0 ? p.name : `${p.name}#${r + 1}` },
    env: p.name === 'console' ? { ...env, ...consoleEnv } : env,
    child: undefined,
  })));
  const launch = (member) => {
    member.child = startProcess(member.process, member.env, log);
    member.exited = new Promise((resolve) => member.child.on('exit', resolve));
    member.child.on('exit', () => {
      if (stopping) return;
      log(`[${member.process.name}] restarting in ${restartDelayMs / 1000} s`);
      setTimeout(() => stopping || launch(member), restartDelayMs).unref();
    });
  };
  members.forEach(launch);
  return {
    members,
    async stop(signal = 'SIGTERM') {
      stopping = true;
      for (const member of members) if (member.child.exitCode === null && member.child.signalCode === null) member.child.kill(signal);
      await Promise.all(members.map((member) => member.exited));
    },
  };
}
