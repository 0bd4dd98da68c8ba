import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Kafka } from 'kafkajs';
import type { SlaProfileTable } from '@civicflow/domain';
import { EventPublisher } from '@civicflow/platform';
import { type CalendarSource, createCaseActivities } from '../case/case.activities';
import { CASE_TASK_QUEUE } from '../case/case.contract';
import { createMediationActivities } from '../mediation/mediation.activities';

export interface CaseWorkerOptions {
  temporalAddress: string;
  namespace: string;
  kafka: Kafka;
  taskQueue?: string;
  /** The administrator's calendar overrides (and office hours per jurisdiction); package data only by default. */
  calendar?: CalendarSource;
  /** SLA profiles; the domain's defaults when not given. */
  slaProfiles?: SlaProfileTable;
  /**
   * The Temporal client the mediation activities send the original case's Updates (签收, 办结) with. By default
   * the worker connects one to `temporalAddress` and `namespace` (closed by `RunningWorker.close`).
   */
  client?: Client;
}

export interface RunningWorker {
  worker: Worker;
  publisher: EventPublisher;
  connection: NativeConnection;
  /** The client connection the mediation activities use (when the worker made it; close it on shutdown). */
  clientConnection?: Connection;
  /** Disconnects the publisher and closes both connections (call after `worker.run()` returned). */
  close(): Promise<void>;
}

/**
 * Builds the case worker with real activities; `worker.run()` polls until shutdown. It runs every workflow of
 * the bundle on one task queue: caseWorkflow, its departmentSummonsWorkflow children and mediationWorkflow
 * (one per dispute), whose activities reach the case workflows through a Temporal client.
 */
export async function createCaseWorker(options: CaseWorkerOptions): Promise<RunningWorker> {
  const publisher = new EventPublisher(options.kafka, 'case-worker');
  await publisher.connect();
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const clientConnection = options.client ? undefined : await Connection.connect({ address: options.temporalAddress });
  const client = options.client ?? new Client({ connection: clientConnection!, namespace: options.namespace });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? CASE_TASK_QUEUE,
    workflowsPath: require.resolve('../workflows'),
    activities: {
      ...createCaseActivities({ publisher, calendar: options.calendar, slaProfiles: options.slaProfiles }),
      ...createMediationActivities({ publisher, client }),
    },
  });
  return {
    worker,
    publisher,
    connection,
    ...(clientConnection ? { clientConnection } : {}),
    async close() {
      await publisher.disconnect();
      await clientConnection?.close();
      await connection.close();
    },
  };
}
