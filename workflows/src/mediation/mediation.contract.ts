// What the mediation service and the worker share about the mediation workflow (调解工作流): names, input,
// Updates (commands), the Query and the view it returns. Imported by workflow code too, so it stays free of
// I/O: only `@temporalio/workflow`'s define* helpers and types.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { CASE_TASK_QUEUE } from '../case/case.contract';

export const MEDIATION_WORKFLOW_TYPE = 'mediationWorkflow';
/**
 * The worker runs mediation workflows on the case task queue (one worker, one bundle): start them on the
 * queue the case worker polls (the CASE_TASK_QUEUE setting; this constant is its default).
 */
export const MEDIATION_TASK_QUEUE = CASE_TASK_QUEUE;
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
  /** Added, optional: the record the dispute was opened with, carried into mediation.dispute-opened (the service projects the dispute from the events). */
  opening?: DisputeOpening;
}

/** What a dispute was opened with: the service's stored dispute starts from these. */
export interface DisputeOpening {
  origin: 'case' | 'walk-in';
  categoryCode?: string;
  summary: string;
  amountAtStakeCny?: number;
  districtId?: string;
  orgPath: string[];
  openedBy: { userId: string; role: string };
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
  /**
   * Added, optional: directory refs (`party:<partyId>`) of the attendees who are parties with a phone on record;
   * carried into session-scheduled and session-reminder so the notification service can text them. Never numbers.
   */
  partyRefs?: string[];
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
  /** Added, optional (Update argument only): the directory ref (`party:<partyId>`) of the party who owes it. */
  partyRef?: string;
  /** Added, optional (Update argument only): the dispute's party who owes it. */
  partyId?: string;
}
export interface ReachAgreementArgs {
  actor: MediationActor;
  agreementId: string;
  terms: AgreementTerm[];
  /** Added, optional: directory refs (`party:<partyId>`) of the dispute's parties with a phone on record. */
  partyRefs?: string[];
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
/** A malformed argument (missing actor, wrong types) is rejected with this type, details[0] = { field, reason } (HTTP 400). */
export const INVALID_MEDIATION_COMMAND = 'INVALID_MEDIATION_COMMAND';

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
  sessions: {
    sessionId: string;
    startsAt: string;
    endsAt: string;
    place: string;
    consultation: boolean;
    held: boolean;
    reminded: boolean;
    /** Added: the session was not held and is no longer wanted (agreement signed, escalation, end). */
    cancelled?: boolean;
    /** Added. */
    attendeeIds?: string[];
  }[];
  agreement: { agreementId: string; terms: (AgreementTerm & { followedUp: boolean; kept: boolean | null })[] } | null;
  reopenCount: number;
  guidance: MediationGuidance | null;
  lastSequence: number;
  /** Added: events up to this sequence have been handed to Kafka. */
  publishedSequence?: number;
  /** Added: the limit runs while a mediator is awaited or mediating; it stops under an agreement and at the end. */
  limitRunning?: boolean;
  /** Added: when the dispute was opened, and when it ended (resolved or failed). */
  openedAt?: string;
  endedAt?: string | null;
  /** Added: what the workflow did to the original case (签收 when a community mediator took it, 办结 at the end). */
  originalCase?: { accepted: OriginalCaseStep; resolved: OriginalCaseStep } | null;
}

/** One step on the original case: not yet due, waiting, done, already done by someone, or refused by the case. */
export interface OriginalCaseStep {
  status: 'not-due' | 'pending' | 'done' | 'already' | 'refused' | 'case-not-found';
  /** The case's refusal when status is 'refused'. */
  reason?: { code: string; zh: string; en: string };
}

export const assignMediatorUpdate = defineUpdate<MediationView, [AssignMediatorArgs]>('assignMediator');
export const scheduleSessionUpdate = defineUpdate<MediationView, [ScheduleSessionArgs]>('scheduleSession');
export const recordSessionUpdate = defineUpdate<MediationView, [RecordSessionArgs]>('recordSession');
export const reachAgreementUpdate = defineUpdate<MediationView, [ReachAgreementArgs]>('reachAgreement');
export const recordFailureUpdate = defineUpdate<MediationView, [RecordFailureArgs]>('recordFailure');
export const followUpTermUpdate = defineUpdate<MediationView, [FollowUpTermArgs]>('followUpTerm');

export const mediationStatusQuery = defineQuery<MediationView>('mediationStatus');

/** Every command Update by name (added), for an HTTP layer that maps routes to Updates. */
export const mediationUpdates = {
  assignMediator: assignMediatorUpdate,
  scheduleSession: scheduleSessionUpdate,
  recordSession: recordSessionUpdate,
  reachAgreement: reachAgreementUpdate,
  recordFailure: recordFailureUpdate,
  followUpTerm: followUpTermUpdate,
} as const;

export type MediationCommandName = keyof typeof mediationUpdates;
