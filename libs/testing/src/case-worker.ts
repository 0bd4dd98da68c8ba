import type { Kafka } from 'kafkajs';
import type { SlaProfileTable } from '@civicflow/domain';
import { type CaseWorkerOptions, createCaseWorker, type RunningWorker } from '@civicflow/workflows/worker';

/** What a test may set on its case worker: the SLA profiles and the business calendar it computes with. */
export interface CaseWorkerStartOptions {
  slaProfiles?: SlaProfileTable;
  calendar?: CaseWorkerOptions['calendar'];
}

export interface TestCaseWorker {
  running: RunningWorker;
  /** Drains the worker, then closes its Kafka producer and Temporal connections. */
  stop(): Promise<void>;
}

/**
 * The real case worker, in the test's process, on the test file's own namespace and task queue (set them
 * first with ownTemporalNamespace / integrationConfig). One call in beforeAll, `stop()` in afterAll.
 */
export async function startCaseWorker(
  env: { TEMPORAL_ADDRESS: string; TEMPORAL_NAMESPACE: string; CASE_TASK_QUEUE: string },
  kafka: Kafka,
  options: CaseWorkerStartOptions = {},
): Promise<TestCaseWorker> {
  const running = await createCaseWorker({
    temporalAddress: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.CASE_TASK_QUEUE,
    kafka,
    slaProfiles: options.slaProfiles,
    ...(options.calendar ? { calendar: options.calendar } : {}),
  });
  const polling = running.worker.run();
  return {
    running,
    async stop() {
      if (running.worker.getState() === 'RUNNING') running.worker.shutdown();
      await polling;
      await running.close();
    },
  };
}
