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
 * services, the console (fronting every replica through `consoleEnv`'s URL lists) and the worker. Output lines carry
 * the process's name, and its replica number from the second on (`[hotline#2]`).
 */
export function startSystem(envs, consoleEnv = {}, log = console.log) {
  return envs.flatMap((env, r) => SYSTEM_PROCESSES.map((p) => startProcess(
    { ...p, name: r === 0 ? p.name : `${p.name}#${r + 1}` },
    p.name === 'console' ? { ...env, ...consoleEnv } : env,
    log,
  )));
}
