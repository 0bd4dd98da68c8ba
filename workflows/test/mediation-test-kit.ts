// One time-skipping Temporal server and one Worker for the mediation scenarios: the case activities (the
// original case runs for real, so the mediation's 签收 and 办结 Updates really land) and the mediation
// activities, both publishing through a recording publisher that validates envelopes as production does.
// Dates in 2099, as in the case tests (support/case-test-kit.ts explains why).
import { Client, WorkflowClient, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { EventEnvelope } from '@civicflow/contracts';
import { chinaTime } from '@civicflow/domain';
import { createTimeSkippingEnv, eventually, uniqueId } from '@civicflow/testing';
import { createCaseActivities } from '../src/case/case.activities';
import { caseStatusQuery, type CaseView, type CaseWorkflowInput } from '../src/case/case.contract';
import { createMediationActivities } from '../src/mediation/mediation.activities';
import { mediationStatusQuery, mediationWorkflowId, type MediationView, type MediationWorkflowInput } from '../src/mediation/mediation.contract';
import { recordingPublisher, schedule2099 } from './support/case-test-kit';

export const MEDIATION_ACTORS = {
  community: { userId: 'ch-1', role: 'community-handler', unitId: 'binhe' },
  mediator: { userId: 'med-1', role: 'mediator', unitId: 'binhe' },
  otherMediator: { userId: 'med-2', role: 'mediator', unitId: 'binhe' },
  street: { userId: 'st-1', role: 'street-coordinator', unitId: 'xinhua' },
  streetMediator: { userId: 'med-9', role: 'mediator', unitId: 'xinhua' },
};

export function disputeInput(disputeId: string, overrides: Partial<MediationWorkflowInput> = {}): MediationWorkflowInput {
  return {
    disputeId,
    disputeType: 'neighbour',
    communityId: 'binhe',
    streetId: 'xinhua',
    openedAt: '', // startDispute fills in the server's time
    correlationId: `dispute-${disputeId}`,
    ...overrides,
  };
}

export interface MediationTestKit {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  published: EventEnvelope[];
  skipTo(date: string, time: string): Promise<void>;
  now(): Promise<number>;
  startCase(input: CaseWorkflowInput): Promise<WorkflowHandle>;
  startDispute(input: MediationWorkflowInput): Promise<WorkflowHandle>;
  /** Waits until the dispute has published every event and finished its work on the original case. */
  settled(handle: WorkflowHandle): Promise<MediationView>;
  caseView(caseNumber: string): Promise<CaseView>;
  /** The result of a workflow that ends by itself now, without unlocking time skipping. */
  result<T>(handle: WorkflowHandle): Promise<T>;
  events(key: string): EventEnvelope[];
  types(key: string): string[];
  teardown(): Promise<void>;
}

export async function createMediationTestKit(): Promise<MediationTestKit> {
  const env = await createTimeSkippingEnv();
  const taskQueue = uniqueId('mediation');
  const { published, publisher } = recordingPublisher();
  const calendar = schedule2099();
  // a plain client for the activities (the test client's calls would unlock time skipping)
  const client = new Client({ connection: env.connection });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../src/workflows'),
    activities: { ...createCaseActivities({ publisher, calendar: { read: () => ({ version: 0, table: calendar }) } }), ...createMediationActivities({ publisher, client }) },
  });
  const running = worker.run();
  const plainClient = new WorkflowClient({ connection: env.connection });
  const now = () => env.currentTimeMs();

  const kit: MediationTestKit = {
    env,
    taskQueue,
    published,
    now,
    async skipTo(date, time) {
      const target = chinaTime(date, time);
      const current = await now();
      if (target < current) throw new Error(`cannot skip back to ${date} ${time}: the server is at ${new Date(current).toISOString()}`);
      if (target > current) await env.sleep(target - current);
    },
    async startCase(input) {
      const handle = await env.client.workflow.start('caseWorkflow', { workflowId: input.caseNumber, taskQueue, args: [input] });
      await eventually(async () => ((await handle.query(caseStatusQuery)).stage === 'dispatched' ? true : undefined), { timeoutMs: 15_000, intervalMs: 25, what: 'the case to be dispatched' });
      return handle;
    },
    async startDispute(input) {
      const args = { ...input, openedAt: input.openedAt || new Date(await now()).toISOString() };
      const handle = await env.client.workflow.start('mediationWorkflow', { workflowId: mediationWorkflowId(input.disputeId), taskQueue, args: [args] });
      await kit.settled(handle);
      return handle;
    },
    async settled(handle) {
      return eventually(
        async () => {
          const view = await handle.query(mediationStatusQuery);
          const caseBusy = view.originalCase && (view.originalCase.accepted.status === 'pending' || view.originalCase.resolved.status === 'pending');
          return view.publishedSequence === view.lastSequence && !caseBusy ? view : undefined;
        },
        { timeoutMs: 15_000, intervalMs: 25, what: `dispute ${handle.workflowId} to settle` },
      );
    },
    caseView: (caseNumber) => plainClient.getHandle(caseNumber).query(caseStatusQuery),
    async result<T>(handle: WorkflowHandle): Promise<T> {
      return plainClient.getHandle(handle.workflowId).result() as Promise<T>;
    },
    events: (key) => published.filter((event) => event.key === key),
    types: (key) => kit.events(key).map((event) => event.type),
    async teardown() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
  return kit;
}

/** The ApplicationFailure an Update was rejected with: its type and details[0]. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ type?: string; reason?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { type?: string; details?: unknown[] } }).cause;
    return { type: cause?.type, reason: cause?.details?.[0] as Record<string, string> };
  }
  throw new Error('the update was accepted');
}
