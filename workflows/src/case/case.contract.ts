// What clients (intake, the API) and the worker share about the case workflow: names, input, queries.
// Imported by workflow code too, so it stays free of I/O.
import { defineQuery } from '@temporalio/workflow';

export const CASE_TASK_QUEUE = 'civicflow-cases';
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export type CaseChannel = 'hotline' | 'app' | 'patrol' | 'open311';
export type CaseRequestType = 'inquiry' | 'suggestion' | 'tip-off' | 'complaint' | 'help';
export type CaseUrgency = 'urgent' | 'high' | 'normal' | 'low';

/** Where intake placed the case: the owning community and street (from the grid service), or nowhere yet. */
export interface CaseRoutingInput {
  gridId: string;
  communityId: string;
  streetId: string;
  districtId: string;
  orgPath: string[];
}

export interface CaseWorkflowInput {
  caseNumber: string;
  channel: CaseChannel;
  sourceRef: string;
  requestType: CaseRequestType;
  urgency: CaseUrgency;
  priority?: CaseUrgency;
  categoryCode?: string;
  slaProfile?: string;
  department?: string;
  isDispute?: boolean;
  /** routed to a community, waiting in the dispatcher's manual queue, or closed at intake (一次办结) */
  intakeStatus?: 'routed' | 'manual-queue' | 'closed';
  routing?: CaseRoutingInput;
  registeredAt: string;
  correlationId: string;
  traceparent?: string;
}

export interface CaseStatus {
  caseNumber: string;
  stage: 'registered';
  events: string[];
}

export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');
