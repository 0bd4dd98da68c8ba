// Shared pieces of the benchmarks: the built workspace packages, timing and a result table.
import { createRequire } from 'node:module';
import { root } from '../scripts/lib/run.mjs';

export const require = createRequire(`${root}/package.json`);
export const platform = require('@civicflow/platform');
export const contracts = require('@civicflow/contracts');

export function config() {
  return platform.loadConfig(platform.infraConfigSchema, { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
}

export async function timed(fn) {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function rssMb() {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
