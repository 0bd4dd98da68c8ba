export { slaProfilesFromFile, withProfiles } from '../sla/sla-profiles.file';
export { calendarFromGrid } from '../calendar/calendar-from-grid';
export { serveWorkerHealth } from './worker-health';
export { workerConfigSchema } from './worker-config';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Kafka } from 'kafkajs';
import type { SlaProfileTable } from '@civicflow/domain';
import { EventPublisher } from '@civicflow/platform';
import { type CalendarSource, createCaseActivities } from '../case/case.activities';
import { CASE_TASK_QUEUE } from '../case/case.contract';
import { createCalendarRecomputeActivities } from '../calendar/calendar-recompute.activities';
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
   * the worker connects one to `temporalAddress` and `namespace` when a mediation activity first needs it
   * (closed by `RunningWorker.close`).
   */
  client?: Client;
}

export interface RunningWorker {
  worker: Worker;
  publisher: EventPublisher;
  connection: NativeConnection;
  /** Disconnects the publisher and closes the worker's connections (call after `worker.run()` returned). */
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
  // connected on first use, so workers that never run a mediation open nothing more
  let clientConnection: Connection | undefined;
  let made: Promise<Client> | undefined;
  const client = (): Promise<Client> => {
    if (options.client) return Promise.resolve(options.client);
    made ??= Connection.connect({ address: options.temporalAddress }).then(
      (connected) => {
        clientConnection = connected;
        return new Client({ connection: connected, namespace: options.namespace });
      },
      (error: unknown) => {
        made = undefined;
        throw error;
      },
    );
    return made;
  };
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? CASE_TASK_QUEUE,
    workflowsPath: require.resolve('../workflows'),
    // on shutdown, activities in hand (a batch of events on its way to Kafka) finish instead of being cancelled
    shutdownGraceTime: '10 seconds',
    activities: {
      ...createCaseActivities({ publisher, calendar: options.calendar, slaProfiles: options.slaProfiles }),
      ...createMediationActivities({ publisher, client }),
      ...createCalendarRecomputeActivities({ client }),
    },
  });
  return {
    worker,
    publisher,
    connection,
    async close() {
      await publisher.disconnect();
      await clientConnection?.close();
      await connection.close();
    },
  };
}
