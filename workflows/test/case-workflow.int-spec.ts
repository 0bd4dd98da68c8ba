// The case workflow on Temporal's time-skipping test server, with its activities wired to a recording publisher.
import { Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { join } from 'node:path';
import { caseRegisteredV1, EventContract } from '@civicflow/contracts';
import type { EventPublisher } from '@civicflow/platform';
import { createTimeSkippingEnv, recordHistoryIfAsked, uniqueId } from '@civicflow/testing';
import { caseStatusQuery, CaseWorkflowInput } from '../src/case/case.contract';
import { createCaseActivities } from '../src/case/case.activities';

const HISTORIES = join(__dirname, 'histories');

/** Records what the activities publish, as Kafka would receive it. */
function recordingPublisher() {
  const published: { contract: EventContract; draft: { id?: string; key: string; data: unknown } }[] = [];
  const publish: EventPublisher['publish'] = async (contract, draft) => {
    published.push({ contract, draft });
    return { id: draft.id ?? 'generated', key: draft.key } as Awaited<ReturnType<EventPublisher['publish']>>;
  };
  return { published, publisher: { publish } };
}

describe('caseWorkflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('publishes case.registered once, with an id derived from the case number', async () => {
    const taskQueue = uniqueId('q');
    const { published, publisher } = recordingPublisher();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../src/workflows'),
      activities: createCaseActivities({ publisher }),
    });
    const input: CaseWorkflowInput = {
      caseNumber: '20261128-000001', channel: 'hotline', sourceRef: 'call-1', requestType: 'complaint',
      urgency: 'normal', registeredAt: '2026-11-28T08:00:00.000Z', correlationId: 'call-1',
    };
    const status = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('caseWorkflow', { workflowId: input.caseNumber, taskQueue, args: [input] });
      const result = await handle.result();
      expect(await handle.query(caseStatusQuery)).toEqual(result);
      await recordHistoryIfAsked(handle, HISTORIES, 'case-registered');
      return result;
    });
    expect(status).toEqual({ caseNumber: input.caseNumber, stage: 'registered', events: ['20261128-000001:registered'] });
    expect(published).toHaveLength(1);
    expect(published[0].contract).toBe(caseRegisteredV1);
    expect(published[0].draft).toMatchObject({ id: '20261128-000001:registered', key: input.caseNumber, data: { sourceRef: 'call-1', channel: 'hotline' } });
  });
});
