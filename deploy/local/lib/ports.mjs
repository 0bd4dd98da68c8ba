// @ts-check
/** Port probing: is a TCP port free on 127.0.0.1, and who holds it if not. */
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { HOST } from './config.mjs';
import { commandLine } from './proc.mjs';

/**
 * Can we connect to host:port right now?
 * @param {number} port
 * @param {string} [host]
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export function canConnect(port, host = HOST, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (/** @type {boolean} */ ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/**
 * Is the port free to bind on 127.0.0.1? (Something listening on 0.0.0.0 or 127.0.0.1 makes it busy.)
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export async function isPortFree(port) {
  if (await canConnect(port, HOST, 500)) return false;
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: HOST, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/**
 * Best effort: which process listens on the port ("pid 123: python3 -m http.server 27017"), or '' if unknown.
 * @param {number} port
 * @returns {string}
 */
export function describeHolder(port) {
  const r = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0 || !r.stdout) return '';
  const m = /pid=(\d+)/.exec(r.stdout);
  if (!m) return '';
  const pid = Number(m[1]);
  const cmd = commandLine(pid);
  return `pid ${pid}${cmd ? `: ${cmd.length > 80 ? `${cmd.slice(0, 77)}…` : cmd}` : ''}`;
}
