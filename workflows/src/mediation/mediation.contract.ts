// What the mediation service and the worker share about the mediation workflow (调解工作流): names, input,
// Updates (commands), the Query and the view it returns. Imported by workflow code too, so it stays free of
// I/O: only `@temporalio/workflow`'s define* helpers and types.
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export const MEDIATION_WORKFLOW_TYPE = 'mediationWorkflow';
/** One workflow per dispute: `mediation-<disputeId>`. */
export const mediationWorkflowId = (disputeId: string): string => `mediation-${disputeId}`;

/** 纠纷类型 — as libs/contracts' disputeTypeSchema. */
export type DisputeType = 'neighbour' | 'property-management' | 'wages' | 'family' | 'consumer' | 'land-compound' | 'other';
/** 人民调解委员会 (community) or the street's 矛盾调解中心 (street). */
export type MediationLevel = 'community' | 'street';
/** Where a mediation that failed at the street sends the parties. */
export type MediationGuidance = 'arbitration' | 'litigation' | 'judicial-confirmation';

export interface MediationWorkflowInput {
  disputeId: string;
  /** The case the dispute came from (absent for a walk-in); the workflow resolves it when the dispute ends. */
  caseNumber?: string;
  disputeType: DisputeType;
  communityId: string;
  streetId: string;
  openedAt: string;
  /** Natural days allowed for mediation at each level (default 30, 《人民调解法》 practice). */
  limitDays?: number;
  /** How long before a session its reminders go out (default 1 day; tests shorten it). */
  reminderLeadMs?: number;
  correlationId: string;
}

/** Who sends a command (the signed-in mediator or supervisor). */
export interface MediationActor {
  userId: string;
  role: string;
  unitId: string;
}

export interface AssignMediatorArgs {
  actor: MediationActor;
  mediatorId: string;
  committeeId: string;
  level: MediationLevel;
}
export interface ScheduleSessionArgs {
  actor: MediationActor;
  sessionId: string;
  startsAt: string;
  endsAt: string;
  place: string;
  attendeeIds: string[];
  /** A "3+X" consultation (社区党组织、居委会、物业、业委会 + X) rather than an ordinary session. */
  consultation: boolean;
}
export interface RecordSessionArgs {
  actor: MediationActor;
  sessionId: string;
  minutesSummary: string;
}
export interface AgreementTerm {
  party: string;
  obligation: string;
  dueAt: string;
}
export interface ReachAgreementArgs {
  actor: MediationActor;
  agreementId: string;
  terms: AgreementTerm[];
}
export interface RecordFailureArgs {
  actor: MediationActor;
  reason: string;
  /** Only at the street level: where the parties are guided next. */
  guidance?: MediationGuidance;
}
export interface FollowUpTermArgs {
  actor: MediationActor;
  termIndex: number;
  kept: boolean;
  note?: string;
}

/** A command the dispute's state does not allow is rejected with this ApplicationFailure type (HTTP 409). */
export const MEDIATION_COMMAND_REJECTED = 'MEDIATION_COMMAND_REJECTED';

export type MediationStage =
  | 'awaiting-mediator'
  | 'mediating'
  | 'agreed' // terms running, follow-ups due
  | 'resolved' // every term kept
  | 'failed'; // failed at the street: parties guided to arbitration, litigation or judicial confirmation

export interface MediationView {
  disputeId: string;
  caseNumber: string | null;
  stage: MediationStage;
  level: MediationLevel;
  mediatorId: string | null;
  committeeId: string | null;
  /** The running 30-day limit at the current level. */
  deadline: string;
  sessions: { sessionId: string; startsAt: string; endsAt: string; place: string; consultation: boolean; held: boolean; reminded: boolean }[];
  agreement: { agreementId: string; terms: (AgreementTerm & { followedUp: boolean; kept: boolean | null })[] } | null;
  reopenCount: number;
  guidance: MediationGuidance | null;
  lastSequence: number;
}

export const assignMediatorUpdate = defineUpdate<MediationView, [AssignMediatorArgs]>('assignMediator');
export const scheduleSessionUpdate = defineUpdate<MediationView, [ScheduleSessionArgs]>('scheduleSession');
export const recordSessionUpdate = defineUpdate<MediationView, [RecordSessionArgs]>('recordSession');
export const reachAgreementUpdate = defineUpdate<MediationView, [ReachAgreementArgs]>('reachAgreement');
export const recordFailureUpdate = defineUpdate<MediationView, [RecordFailureArgs]>('recordFailure');
export const followUpTermUpdate = defineUpdate<MediationView, [FollowUpTermArgs]>('followUpTerm');

export const mediationStatusQuery = defineQuery<MediationView>('mediationStatus');
