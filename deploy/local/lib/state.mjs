// @ts-check
/** state.json: what was provisioned and what was started (ports, pid, versions), for status/down and humans. */
import fs from 'node:fs';
import path from 'node:path';
import { paths } from './config.mjs';

/**
 * @typedef {object} ServerRecord
 * @property {number} pid
 * @property {Record<string, number>} ports   env var name → port, as started
 * @property {string} version
 * @property {string} startedAt               ISO time
 * @property {string} logFile
 */

/**
 * @typedef {object} ToolRecord
 * @property {string} version
 * @property {string} dir
 * @property {string} provisionedAt
 * @property {number} seconds                 how long provisioning took
 */

/**
 * @typedef {object} State
 * @property {number} schema
 * @property {Record<string, ServerRecord>} servers
 * @property {Record<string, ToolRecord>} tools
 * @property {string} [updatedAt]
 */

/** @returns {State} */
export function readState() {
  try {
    const s = JSON.parse(fs.readFileSync(paths().stateFile, 'utf8'));
    return { schema: 1, servers: s.servers || {}, tools: s.tools || {}, updatedAt: s.updatedAt };
  } catch {
    return { schema: 1, servers: {}, tools: {} };
  }
}

/**
 * Read-modify-write state.json atomically (callers hold the launcher lock).
 * @param {(s: State) => void} mutate
 */
export function updateState(mutate) {
  const file = paths().stateFile;
  const s = readState();
  mutate(s);
  s.updatedAt = new Date().toISOString();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(s, null, 2)}\n`);
  fs.renameSync(tmp, file);
}
