import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('case-worker');

import { createKafka, createLogger, ensureTopics, infraConfigSchema, loadConfig } from '@civicflow/platform';
import { z } from 'zod';
import { calendarFromGrid } from '../calendar/calendar-from-grid';
import { calendarOverridesFromFile } from '../calendar/calendar-overrides.file';
import { slaProfilesFromFile } from '../sla/sla-profiles.file';
import { createCaseWorker } from './create-worker';
import { serveWorkerHealth } from './worker-health';

/** The worker's own settings: where the business calendar comes from, SLA profiles (JSON file), its health port. */
const workerConfigSchema = infraConfigSchema.extend({
  /** grid: the calendar administered in the grid service (GRID_URL); file: CALENDAR_OVERRIDES_FILE alone (no grid). */
  WORKER_CALENDAR_SOURCE: z.enum(['grid', 'file']).default('grid'),
  GRID_URL: z.url().default('http://127.0.0.1:3003'),
  /** How long the worker computes with a fetched calendar before it asks grid again. */
  CALENDAR_REFRESH_MS: z.coerce.number().int().min(1_000).default(60_000),
  CALENDAR_OVERRIDES_FILE: z.string().min(1).optional(),
  SLA_PROFILES_FILE: z.string().min(1).optional(),
  /** /health/live, /health/ready and /health/calendar; 0 turns the endpoint off. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3008),
});

async function main() {
  const logger = createLogger('case-worker');
  const config = loadConfig(workerConfigSchema);
  const warn = (message: string) => logger.warn(message);
  const calendar = config.WORKER_CALENDAR_SOURCE === 'grid' ? calendarFromGrid({ gridUrl: config.GRID_URL, refreshMs: config.CALENDAR_REFRESH_MS, warn }) : calendarOverridesFromFile(config.CALENDAR_OVERRIDES_FILE, warn);
  if (config.WORKER_CALENDAR_SOURCE === 'file') {
    await calendar.read(); // a broken table fails the start, loudly
  } else {
    if (config.CALENDAR_OVERRIDES_FILE) warn(`CALENDAR_OVERRIDES_FILE 由网格服务导入，worker 从网格读取日历 CALENDAR_OVERRIDES_FILE is imported by the grid service; this worker reads the calendar from grid (${config.GRID_URL})`);
    // grid may start after the worker: until it answers, clocks show a calendar problem and are read again
    await Promise.resolve(calendar.read()).catch((error: unknown) => warn(`工作日历暂不可读 the calendar from grid is not readable yet: ${error instanceof Error ? error.message : String(error)}`));
  }
  const slaProfiles = slaProfilesFromFile(config.SLA_PROFILES_FILE);
  const kafka = createKafka('case-worker', config);
  await ensureTopics(kafka);
  const running = await createCaseWorker({
    temporalAddress: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.CASE_TASK_QUEUE,
    kafka,
    calendar,
    slaProfiles,
  });
  const health = config.WORKER_HEALTH_PORT > 0 ? await serveWorkerHealth(config.WORKER_HEALTH_PORT, config.HTTP_HOST, { workerState: () => running.worker.getState(), calendar }) : undefined;
  logger.info({ temporal: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, calendar: config.WORKER_CALENDAR_SOURCE, health: config.WORKER_HEALTH_PORT || 'off' }, '案件工作流 worker 已启动 case worker started');
  // SIGTERM/SIGINT: the SDK's runtime asks the worker to shut down — it stops polling and finishes the tasks
  // it holds (shutdownGraceTime) — then run() returns, the publisher flushes and disconnects, and we exit 0.
  // Bounded: with the servers already gone, the process still ends within the grace period.
  const graceMs = Number(process.env.SHUTDOWN_GRACE_MS) || 15_000;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal, graceMs }, '正在停止 stopping: finishing the tasks in hand');
      setTimeout(() => {
        logger.warn({ graceMs }, '停止超时，强制退出 the stop did not finish within its grace period: exiting');
        process.exit(0);
      }, graceMs).unref();
    });
  }
  try {
    await running.worker.run();
  } finally {
    health?.close();
    await running.close();
  }
  logger.info('已停止 stopped');
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
