import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('case-worker');

import { createKafka, createLogger, ensureTopics, infraConfigSchema, loadConfig } from '@civicflow/platform';
import { z } from 'zod';
import { calendarOverridesFromFile } from '../calendar/calendar-overrides.file';
import { slaProfilesFromFile } from '../sla/sla-profiles.file';
import { createCaseWorker } from './create-worker';

/** The worker's own settings: the administrator's calendar override table and SLA profiles (JSON files), if any. */
const workerConfigSchema = infraConfigSchema.extend({
  CALENDAR_OVERRIDES_FILE: z.string().min(1).optional(),
  SLA_PROFILES_FILE: z.string().min(1).optional(),
});

async function main() {
  const logger = createLogger('case-worker');
  const config = loadConfig(workerConfigSchema);
  const calendar = calendarOverridesFromFile(config.CALENDAR_OVERRIDES_FILE, (message) => logger.warn(message));
  await calendar.read(); // a broken table fails the start, loudly
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
  logger.info({ temporal: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE }, '案件工作流 worker 已启动 case worker started');
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
    await running.close();
  }
  logger.info('已停止 stopped');
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
