// @ts-check
/** A small inter-process lock so concurrent `up`/`down`/`provision` calls (npm start + jest) take turns. */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { InfraError } from './errors.mjs';
import { isAlive, sleep } from './proc.mjs';

/** Re-entrancy: nested calls in the same async context (up → provision) share the held lock. */
const held = new AsyncLocalStorage();
/** Unrelated concurrent calls inside one process queue up here before taking the file lock. */
let queue = Promise.resolve();

/**
 * Run `fn` while holding the lock file.
 * @template T
 * @param {string} lockFile
 * @param {(msg: string) => void} log
 * @param {() => Promise<T>} fn
 * @param {{ waitMs?: number }} [opts]
 * @returns {Promise<T>}
 */
export async function withLock(lockFile, log, fn, opts = {}) {
  if (held.getStore() === lockFile) return fn();
  const run = queue.then(() => withFileLock(lockFile, log, () => held.run(lockFile, fn), opts));
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/**
 * @template T
 * @param {string} lockFile
 * @param {(msg: string) => void} log
 * @param {() => Promise<T>} fn
 * @param {{ waitMs?: number }} opts
 * @returns {Promise<T>}
 */
async function withFileLock(lockFile, log, fn, { waitMs = 20 * 60_000 }) {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
    }
    const owner = Number(fs.readFileSync(lockFile, 'utf8').trim() || 'NaN');
    if (!isAlive(owner) || owner === process.pid) {
      // Stale (its owner died): take it over atomically-enough by renaming it away first.
      try {
        fs.renameSync(lockFile, `${lockFile}.stale-${process.pid}`);
        fs.unlinkSync(`${lockFile}.stale-${process.pid}`);
      } catch {
        /* someone else took it over */
      }
      continue;
    }
    if (!announced) {
      log(`… waiting for another infra command (pid ${owner}) to finish`);
      announced = true;
    }
    if (Date.now() > deadline) {
      throw new InfraError(
        `another infra command (pid ${owner}) has held ${lockFile} for too long; stop it or delete the file`,
        'LOCKED',
      );
    }
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      /* gone */
    }
  }
}
