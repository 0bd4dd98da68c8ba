import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseActivities } from './case.activities';
import { CaseStatus, caseStatusQuery, CaseWorkflowInput } from './case.contract';

const { publishCaseRegistered } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** One workflow per case (workflow id = case number): carries it from registration through the ladder. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseStatus> {
  const status: CaseStatus = { caseNumber: input.caseNumber, stage: 'registered', events: [] };
  setHandler(caseStatusQuery, () => status);
  status.events.push(await publishCaseRegistered(input));
  return status;
}
