// What clients (intake, the API) and the worker share about the case workflow: names, input, queries.
// Imported by workflow code too, so it stays free of I/O.
import { defineQuery } from '@temporalio/workflow';

export const CASE_TASK_QUEUE = 'civicflow-cases';
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export type CaseChannel = 'hotline' | 'app' | 'patrol' | 'open311';
export type CaseRequestType = 'inquiry' | 'suggestion' | 'tip-off' | 'complaint' | 'help';
export type CaseUrgency = 'urgent' | 'high' | 'normal' | 'low';

export interface CaseWorkflowInput {
  caseNumber: string;
  channel: CaseChannel;
  sourceRef: string;
  requestType: CaseRequestType;
  urgency: CaseUrgency;
  categoryCode?: string;
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
