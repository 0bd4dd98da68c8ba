import { startTelemetry } from '@civicflow/platform/telemetry';
startTelemetry('case-worker');

import { createKafka, createLogger, ensureTopics, infraConfigSchema, loadConfig } from '@civicflow/platform';
import { createCaseWorker } from './create-worker';

async function main() {
  const logger = createLogger('case-worker');
  const config = loadConfig(infraConfigSchema);
  const kafka = createKafka('case-worker', config);
  await ensureTopics(kafka);
  const { worker, publisher, connection } = await createCaseWorker({
    temporalAddress: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    kafka,
  });
  logger.info({ temporal: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE }, '案件工作流 worker 已启动 case worker started');
  try {
    await worker.run();
  } finally {
    await publisher.disconnect();
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
