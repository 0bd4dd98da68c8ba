import type { BusinessDuration } from '../calendar/business-duration';
import type { Priority } from '../sla/priority';
import type { SlaWindows } from '../sla/sla-windows';
import type { RequestType } from '../taxonomy/taxonomy-types';
import type { Actor } from './actor';
import type { Channel } from '../vocabulary/channels';
import type { ClosureReason } from '../vocabulary/case-words';
import type { Satisfaction } from '../vocabulary/satisfaction';
import type { Assignee, CaseLocation, CaseRoute, ClockStart, HandlingLevel, SummonsBreach } from './case-state';

/**
 * Domain events: facts, past tense, carrying everything needed to apply them (including the windows that
 * start), so a consumer of the event log never needs the policy that was in force. Envelope fields (event
 * id, correlation, trace context) belong to the contracts library, not here.
 */
interface EventBase {
  readonly caseId: string;
  readonly at: number;
  readonly actor: Actor;
}

export interface CaseRegistered extends EventBase {
  readonly type: 'CaseRegistered';
  readonly channel: Channel;
  readonly summary: string;
  readonly requestType: RequestType;
  readonly location?: CaseLocation;
}
export interface CaseClassified extends EventBase {
  readonly type: 'CaseClassified';
  readonly categoryCode: string;
  readonly requestType: RequestType;
  readonly priority: Priority;
  readonly isDispute: boolean;
  readonly slaWindows: SlaWindows;
}
export interface CaseAnsweredDirectly extends EventBase {
  readonly type: 'CaseAnsweredDirectly';
  readonly answer: string;
}
export interface CaseDispatched extends EventBase {
  readonly type: 'CaseDispatched';
  readonly route: CaseRoute;
  readonly assignee: Assignee;
  readonly redispatch: boolean;
  readonly clock: ClockStart;
}
export interface CaseReturned extends EventBase {
  readonly type: 'CaseReturned';
  readonly unitId: string;
  readonly reason: string;
}
export interface CaseAccepted extends EventBase {
  readonly type: 'CaseAccepted';
  readonly clock: ClockStart;
}
export interface CaseEscalated extends EventBase {
  readonly type: 'CaseEscalated';
  readonly trigger: 'early' | 'breach';
  readonly from: HandlingLevel;
  readonly to: 'street';
  readonly assignee: Assignee;
  readonly note?: string;
  readonly clock: ClockStart;
}
export interface DepartmentsSummoned extends EventBase {
  readonly type: 'DepartmentsSummoned';
  readonly departmentIds: readonly string[];
  readonly clock: ClockStart;
}
export interface DepartmentReportedIn extends EventBase {
  readonly type: 'DepartmentReportedIn';
  readonly departmentId: string;
  readonly clock: ClockStart;
}
export interface DepartmentRefused extends EventBase {
  readonly type: 'DepartmentRefused';
  readonly departmentId: string;
  readonly reason: string;
}
export interface DepartmentRefusalAccepted extends EventBase {
  readonly type: 'DepartmentRefusalAccepted';
  readonly departmentId: string;
  readonly note?: string;
}
export interface DepartmentRefusalOverruled extends EventBase {
  readonly type: 'DepartmentRefusalOverruled';
  readonly departmentId: string;
  readonly note?: string;
  /** The department goes back to the stage it refused from, with a fresh window for it. */
  readonly clock: ClockStart;
}
export interface DepartmentSummonsWithdrawn extends EventBase {
  readonly type: 'DepartmentSummonsWithdrawn';
  readonly departmentId: string;
  readonly reason: string;
}
export interface DepartmentSummonsReleased extends EventBase {
  readonly type: 'DepartmentSummonsReleased';
  readonly departmentId: string;
  readonly reason: string;
}
export interface DepartmentAnswered extends EventBase {
  readonly type: 'DepartmentAnswered';
  readonly departmentId: string;
  readonly plan: string;
  readonly result: string;
}
export interface CaseSuspended extends EventBase {
  readonly type: 'CaseSuspended';
  readonly reason: string;
}
export interface CaseResumed extends EventBase {
  readonly type: 'CaseResumed';
}
export interface ExtensionRequested extends EventBase {
  readonly type: 'ExtensionRequested';
  readonly extra: BusinessDuration;
  readonly reason: string;
}
export interface ExtensionDecided extends EventBase {
  readonly type: 'ExtensionDecided';
  readonly approved: boolean;
  readonly extra: BusinessDuration;
  readonly note?: string;
}
export interface SupervisionNoticeIssued extends EventBase {
  readonly type: 'SupervisionNoticeIssued';
  readonly notice: string;
  /** set on the automatic 督办 after a summoned department's window ran out */
  readonly breach?: SummonsBreach;
}
export interface CaseResolved extends EventBase {
  readonly type: 'CaseResolved';
  readonly summary: string;
  readonly clock: ClockStart;
}
export interface CallbackRecorded extends EventBase {
  readonly type: 'CallbackRecorded';
  readonly reached: boolean;
  readonly satisfaction?: Satisfaction;
  readonly comment?: string;
}
export interface SupervisorReviewRequired extends EventBase {
  readonly type: 'SupervisorReviewRequired';
  readonly reopenCount: number;
}
export interface CaseReopened extends EventBase {
  readonly type: 'CaseReopened';
  readonly reason?: string;
  readonly clock: ClockStart;
}
export interface CaseMerged extends EventBase {
  readonly type: 'CaseMerged';
  readonly masterCaseId: string;
}
export interface DuplicateAttached extends EventBase {
  readonly type: 'DuplicateAttached';
  readonly duplicateCaseId: string;
}
export interface CaseClosed extends EventBase {
  readonly type: 'CaseClosed';
  readonly reason: ClosureReason;
  readonly note?: string;
}

export type CaseEvent =
  | CaseRegistered
  | CaseClassified
  | CaseAnsweredDirectly
  | CaseDispatched
  | CaseReturned
  | CaseAccepted
  | CaseEscalated
  | DepartmentsSummoned
  | DepartmentReportedIn
  | DepartmentRefused
  | DepartmentRefusalAccepted
  | DepartmentRefusalOverruled
  | DepartmentSummonsWithdrawn
  | DepartmentSummonsReleased
  | DepartmentAnswered
  | CaseSuspended
  | CaseResumed
  | ExtensionRequested
  | ExtensionDecided
  | SupervisionNoticeIssued
  | CaseResolved
  | CallbackRecorded
  | SupervisorReviewRequired
  | CaseReopened
  | CaseMerged
  | DuplicateAttached
  | CaseClosed;

export type CaseEventType = CaseEvent['type'];
