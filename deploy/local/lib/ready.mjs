// @ts-check
/**
 * Readiness probes: each returns null when the server really answers, or a short reason why not yet.
 * kafkajs and mongodb come from the repo's node_modules; if they are missing (e.g. before `npm install`) the
 * probes fall back to a plain TCP connect.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { HOST } from './config.mjs';
import { canConnect } from './ports.mjs';
import { childEnv } from './proc.mjs';

/** @typedef {() => Promise<string | null>} Probe */

/**
 * @param {string} name
 * @returns {Promise<any | null>}
 */
async function optionalImport(name) {
  try {
    return await import(name);
  } catch {
    return null;
  }
}

/**
 * Kafka: the broker answers a metadata request (kafkajs admin `describeCluster`) and lists itself.
 * @param {number} port
 * @returns {Probe}
 */
export function kafkaProbe(port) {
  return async () => {
    const mod = await optionalImport('kafkajs');
    if (!mod) return (await canConnect(port)) ? null : `nothing listens on ${HOST}:${port} yet`;
    const { Kafka, logLevel } = mod.default ?? mod;
    const kafka = new Kafka({
      clientId: 'civicflow-infra-probe',
      brokers: [`${HOST}:${port}`],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      requestTimeout: 5000,
      retry: { retries: 0 },
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const c = await admin.describeCluster();
      if (!c.brokers?.length) return 'no broker registered yet';
      if (c.controller === null || c.controller === undefined || c.controller < 0) return 'no active controller yet';
      return null;
    } catch (e) {
      return `metadata request failed: ${/** @type {Error} */ (e).message}`;
    } finally {
      await admin.disconnect().catch(() => {});
    }
  };
}

/**
 * @param {string} url
 * @returns {Promise<number>} the HTTP status (0 when unreachable)
 */
function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Temporal: namespace `default` is described over gRPC (with the provisioned CLI) and the Web UI serves pages.
 * @param {string} temporalBin
 * @param {number} port
 * @param {number} uiPort
 * @returns {Probe}
 */
export function temporalProbe(temporalBin, port, uiPort) {
  return async () => {
    const res = await new Promise((resolve) => {
      const child = spawn(
        temporalBin,
        ['operator', 'namespace', 'describe', '--namespace', 'default', '--address', `${HOST}:${port}`,
          '--command-timeout', '4s', '--output', 'json'],
        { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() },
      );
      let out = '';
      child.stdout.on('data', (b) => (out += b));
      child.stderr.on('data', (b) => (out += b));
      child.on('error', (e) => resolve({ code: -1, out: e.message }));
      child.on('close', (code) => resolve({ code, out }));
    });
    if (/** @type {{code: number}} */ (res).code !== 0) {
      const line = String(/** @type {{out: string}} */ (res).out).trim().split('\n').pop() || 'no answer';
      return `namespace default not available yet (${line.slice(0, 120)})`;
    }
    const status = await httpStatus(`http://${HOST}:${uiPort}/`);
    if (status < 200 || status >= 400) return `Web UI on ${HOST}:${uiPort} not serving yet (HTTP ${status || 'n/a'})`;
    return null;
  };
}

/**
 * FerretDB: a MongoDB `ping` through the official driver.
 * @param {number} port
 * @returns {Probe}
 */
export function mongoProbe(port) {
  return async () => {
    const mod = await optionalImport('mongodb');
    if (!mod) return (await canConnect(port)) ? null : `nothing listens on ${HOST}:${port} yet`;
    const { MongoClient } = mod.default ?? mod;
    const client = new MongoClient(`mongodb://${HOST}:${port}/?directConnection=true`, {
      serverSelectionTimeoutMS: 2000,
      connectTimeoutMS: 2000,
    });
    try {
      await client.connect();
      const r = await client.db('admin').command({ ping: 1 });
      return r?.ok === 1 ? null : `ping answered ${JSON.stringify(r)}`;
    } catch (e) {
      return `ping failed: ${/** @type {Error} */ (e).message}`;
    } finally {
      await client.close().catch(() => {});
    }
  };
}
