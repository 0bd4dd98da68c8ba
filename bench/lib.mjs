// Shared pieces of the benchmarks: the built workspace packages, the bench's own Temporal namespace and databases
// (so a bench never touches the running system's data), timing, latency samples and RSS.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { root } from '../scripts/lib/run.mjs';

export const require = createRequire(`${root}/package.json`);
export const platform = require('@civicflow/platform');
export const contracts = require('@civicflow/contracts');

/**
 * Connection settings from the environment. scripts/bench.mjs points KAFKA_BROKERS at the bench's own broker
 * (the topics are fixed names, so on the dev broker the running services would consume what a bench publishes).
 */
export function config(overrides = {}) {
  return platform.loadConfig(platform.infraConfigSchema.loose(), { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error', ...overrides });
}

/** A short unique id: database prefixes (lower case, must start with a letter), consumer groups, task queues. */
export function benchId(prefix = 'bench') {
  return `${prefix}${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
}

/** Temporal's runtime logs at INFO by default; benches only want warnings. Installs once per process. */
let runtimeInstalled = false;
export function quietTemporalRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const { Runtime, DefaultLogger } = require('@temporalio/worker');
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/** The bench run's own Temporal namespace with CivicFlow's search attributes (libs/testing's, given a name). */
export function ownTemporalNamespace(address, namespace) {
  return require('@civicflow/testing').ownTemporalNamespace(address, namespace);
}

/** Deletes the bench's namespace with its workflows (case workflows stay open, waiting on their SLA timers). */
export async function dropNamespace(address, namespace) {
  const { Connection } = require('@temporalio/client');
  const connection = await Connection.connect({ address });
  try {
    await connection.operatorService.deleteNamespace({ namespace });
  } catch (error) {
    console.warn(`  (could not delete the bench namespace ${namespace}: ${error?.message})`);
  } finally {
    await connection.close();
  }
}

/** Drops every database `<prefix>_<service>` the bench created. */
export async function dropDatabases(mongoUrl, prefix) {
  const { MongoClient } = require('mongodb');
  const mongo = await new MongoClient(mongoUrl).connect();
  try {
    const { databases } = await mongo.db('admin').admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) if (name.startsWith(`${prefix}_`)) await mongo.db(name).dropDatabase();
  } finally {
    await mongo.close();
  }
}

export async function timed(fn) {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function rssMb() {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/** Samples RSS every 50 ms while fn runs; resolves with fn's value and the peak in MB. */
export async function withPeakRss(fn) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Latency of one operation: `warmup` untimed calls, then samples until `samples` are taken or `budgetMs` is spent
 * (at least `minSamples`). Returns a table row: count, seconds, rate, p50/p95 in ms, peak RSS while sampling.
 */
export async function sampleLatency(bench, fn, { samples = 20, minSamples = 3, budgetMs = 12_000, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const latencies = [];
  const { value: seconds, peakMb } = await withPeakRss(async () => {
    const started = Date.now();
    while (latencies.length < samples && (latencies.length < minSamples || Date.now() - started < budgetMs)) {
      const t0 = process.hrtime.bigint();
      await fn();
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return (Date.now() - started) / 1000;
  });
  latencies.sort((a, b) => a - b);
  return {
    bench, count: latencies.length, seconds, rate: latencies.length / seconds, unit: 'req/s',
    p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), rssMb: peakMb,
  };
}

/** A small seeded PRNG (mulberry32): every run seeds the same city. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
