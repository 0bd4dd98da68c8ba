import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('case-worker');

import { createKafka, createLogger, ensureTopics, loadConfig } from '@civicflow/platform';
import { calendarFromGrid } from '../calendar/calendar-from-grid';
import { calendarOverridesFromFile } from '../calendar/calendar-overrides.file';
import { slaProfilesFromFile } from '../sla/sla-profiles.file';
import { createCaseWorker } from './create-worker';
import { workerConfigSchema } from './worker-config';
import { serveWorkerHealth } from './worker-health';

async function main() {
  const logger = createLogger('case-worker');
  const config = loadConfig(workerConfigSchema);
  // SIGTERM/SIGINT: the SDK's runtime asks the worker to shut down — it stops polling and finishes the tasks
  // it holds (shutdownGraceTime) — then run() returns, the publisher flushes and disconnects, and we exit 0.
  // Bounded: with the servers already gone, the process still ends within the grace period. Listened for from the
  // very start: a stop that comes while the worker is still starting (waiting for Kafka, bundling its workflows —
  // long on a saturated machine) ends it at once, with nothing in hand; it was once taken by the SDK's own handler
  // alone and honoured only when the start was over (a worker stopped under overload ran 25 s past its 10 s grace).
  const graceMs = Number(process.env.SHUTDOWN_GRACE_MS) || 15_000;
  let polling = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (!polling) {
        logger.info({ signal }, '启动中被停止 stopped while starting: nothing in hand');
        process.exit(0);
      }
      logger.info({ signal, graceMs }, '正在停止 stopping: finishing the tasks in hand');
      setTimeout(() => {
        logger.warn({ graceMs }, '停止超时，强制退出 the stop did not finish within its grace period: exiting');
        process.exit(0);
      }, graceMs).unref();
    });
  }
  logger.info('案件工作流 worker 正在启动 case worker starting');
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
  const health = config.WORKER_HEALTH_PORT > 0 ? await serveWorkerHealth(config.WORKER_HEALTH_PORT, config.HTTP_HOST, { workerState: () => running.worker.getState(), calendar, warningDays: config.CALENDAR_WARNING_DAYS }) : undefined;
  logger.info({ temporal: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, calendar: config.WORKER_CALENDAR_SOURCE, health: config.WORKER_HEALTH_PORT || 'off' }, '案件工作流 worker 已启动 case worker started');
  try {
    // from here a stop is the SDK's shutdown (the runtime's own signal handler), bounded by the grace period above
    polling = true;
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
