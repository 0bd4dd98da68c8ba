import { NativeConnection, Worker } from '@temporalio/worker';
import { Kafka } from 'kafkajs';
import type { SlaProfileTable } from '@civicflow/domain';
import { EventPublisher } from '@civicflow/platform';
import { type CalendarSource, createCaseActivities } from '../case/case.activities';
import { CASE_TASK_QUEUE } from '../case/case.contract';

export interface CaseWorkerOptions {
  temporalAddress: string;
  namespace: string;
  kafka: Kafka;
  taskQueue?: string;
  /** The administrator's calendar overrides (and office hours per jurisdiction); package data only by default. */
  calendar?: CalendarSource;
  /** SLA profiles; the domain's defaults when not given. */
  slaProfiles?: SlaProfileTable;
}

export interface RunningWorker {
  worker: Worker;
  publisher: EventPublisher;
  connection: NativeConnection;
}

/**
 * Builds the case worker with real activities; `worker.run()` polls until shutdown. It runs both workflows of
 * the bundle (caseWorkflow and its departmentSummonsWorkflow children) on one task queue.
 */
export async function createCaseWorker(options: CaseWorkerOptions): Promise<RunningWorker> {
  const publisher = new EventPublisher(options.kafka, 'case-worker');
  await publisher.connect();
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? CASE_TASK_QUEUE,
    workflowsPath: require.resolve('../workflows'),
    activities: createCaseActivities({ publisher, calendar: options.calendar, slaProfiles: options.slaProfiles }),
  });
  return { worker, publisher, connection };
}
