import { NativeConnection, Worker } from '@temporalio/worker';
import { Kafka } from 'kafkajs';
import { EventPublisher } from '@civicflow/platform';
import { createCaseActivities } from '../case/case.activities';
import { CASE_TASK_QUEUE } from '../case/case.contract';

export interface CaseWorkerOptions {
  temporalAddress: string;
  namespace: string;
  kafka: Kafka;
  taskQueue?: string;
}

export interface RunningWorker {
  worker: Worker;
  publisher: EventPublisher;
  connection: NativeConnection;
}

/** Builds the case worker with real activities; `worker.run()` polls until shutdown. */
export async function createCaseWorker(options: CaseWorkerOptions): Promise<RunningWorker> {
  const publisher = new EventPublisher(options.kafka, 'case-worker');
  await publisher.connect();
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? CASE_TASK_QUEUE,
    workflowsPath: require.resolve('../workflows'),
    activities: createCaseActivities({ publisher }),
  });
  return { worker, publisher, connection };
}
