// What clients (intake, the HTTP API, the console) and the worker share about the case workflow: names,
// input, Updates (commands), Queries and the views they return. Imported by workflow code too, so it stays
// free of I/O: only `@temporalio/workflow`'s define* helpers and types.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseLevel, CaseStage, Channel, Priority, RequestType, Role, Satisfaction, SlaStatus, SlaWindowName, SummonsStatus } from '@civicflow/domain';

export const CASE_TASK_QUEUE = 'civicflow-cases';
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export type CaseChannel = Channel;
export type CaseRequestType = RequestType;
export type CaseUrgency = Priority;

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
  /** The citizen's request in a line (受理摘要); defaults to the channel and source reference. */
  summary?: string;
  /** Where, as reported: case.registered carries it so worklists and maps show it. */
  place?: { address?: string; location?: { lng: number; lat: number } };
  /** The answer given on the call when `intakeStatus` is 'closed' (一次办结). */
  directAnswer?: string;
  /**
   * Continue-as-new once the history has this many events (default 4,000, or earlier when the server
   * suggests it). Tests set it low to exercise the carry-over.
   */
  historyEventLimit?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Commands (Temporal Updates). Every command names who acts; the time is the workflow's own clock, never the
// caller's. A command the case's state does not allow is rejected by the Update's validator with an
// ApplicationFailure of type CASE_COMMAND_REJECTED whose details[0] is the domain's reason {code, zh, en}
// (the HTTP API answers 409 with it); a malformed argument is rejected with INVALID_CASE_COMMAND (400).
// ---------------------------------------------------------------------------------------------------------

export const CASE_COMMAND_REJECTED = 'CASE_COMMAND_REJECTED';
export const INVALID_CASE_COMMAND = 'INVALID_CASE_COMMAND';

/** The signed-in user as the bearer token says. */
export interface CommandActor {
  userId: string;
  role: Role;
  /** The org unit or department the user acts for. */
  unitId: string;
}

export interface CommandBase {
  actor: CommandActor;
}

/** The domain's refusal, as the validator's ApplicationFailure carries it in details[0]. */
export interface CommandRejection {
  code: string;
  zh: string;
  en: string;
}

export interface RouteArgs {
  streetId: string;
  communityId?: string;
  gridId?: string;
}

export interface BusinessDurationArgs {
  basis: 'working' | 'natural';
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
}

export interface DispatchArgs extends CommandBase {
  route: RouteArgs;
}
export interface ReasonArgs extends CommandBase {
  reason: string;
}
export interface EscalateArgs extends CommandBase {
  note?: string;
}
export interface SummonDepartmentsArgs extends CommandBase {
  departmentIds: string[];
}
export interface DepartmentArgs extends CommandBase {
  departmentId: string;
}
export interface RefuseArgs extends DepartmentArgs {
  reason: string;
}
export interface DecideRefusalArgs extends DepartmentArgs {
  decision: 'accept' | 'overrule';
  note?: string;
}
/** 撤回 (withdrawSummons) and 解除 (releaseSummons): the department, and why. */
export interface SummonsEndingArgs extends DepartmentArgs {
  reason: string;
}
export interface AnswerArgs extends DepartmentArgs {
  plan: string;
  result: string;
}
export interface ResolveArgs extends CommandBase {
  summary: string;
}
export interface RequestExtensionArgs extends CommandBase {
  extra: BusinessDurationArgs;
  reason: string;
}
export interface DecideExtensionArgs extends CommandBase {
  approved: boolean;
  note?: string;
}
export interface SupervisionNoticeArgs extends CommandBase {
  notice: string;
}
export interface RecordCallbackArgs extends CommandBase {
  reached: boolean;
  /** Required when reached. */
  satisfaction?: Satisfaction;
  comment?: string;
  /** The hotline's callback id, echoed in case.callback-recorded. */
  callbackId?: string;
}
export interface MergeArgs extends CommandBase {
  masterCaseNumber: string;
}
export interface CloseArgs extends CommandBase {
  note?: string;
}

/** What every accepted command answers: the events it produced (wire types) and the case as it now stands. */
export interface CaseCommandResult {
  events: string[];
  view: CaseView;
}

/**
 * A year's official holiday arrangement was entered or corrected (grid's calendar version `version`): a case
 * whose clocks touch `year` computes its deadlines again with at least that version and records why. Sent to the
 * running cases a visibility query finds by their CalendarYears search attribute; a repeated or older version is
 * ignored.
 */
export interface CalendarChange {
  year: number;
  version: number;
}
export const calendarChangedSignal = defineSignal<[CalendarChange]>('calendarChanged');

export const acceptUpdate = defineUpdate<CaseCommandResult, [CommandBase]>('accept');
export const returnUpdate = defineUpdate<CaseCommandResult, [ReasonArgs]>('return');
export const dispatchUpdate = defineUpdate<CaseCommandResult, [DispatchArgs]>('dispatch');
export const redispatchUpdate = defineUpdate<CaseCommandResult, [DispatchArgs]>('redispatch');
export const escalateUpdate = defineUpdate<CaseCommandResult, [EscalateArgs]>('escalate');
export const summonDepartmentsUpdate = defineUpdate<CaseCommandResult, [SummonDepartmentsArgs]>('summonDepartments');
export const reportInUpdate = defineUpdate<CaseCommandResult, [DepartmentArgs]>('reportIn');
export const refuseUpdate = defineUpdate<CaseCommandResult, [RefuseArgs]>('refuse');
export const decideRefusalUpdate = defineUpdate<CaseCommandResult, [DecideRefusalArgs]>('decideRefusal');
export const withdrawSummonsUpdate = defineUpdate<CaseCommandResult, [SummonsEndingArgs]>('withdrawSummons');
export const releaseSummonsUpdate = defineUpdate<CaseCommandResult, [SummonsEndingArgs]>('releaseSummons');
export const answerUpdate = defineUpdate<CaseCommandResult, [AnswerArgs]>('answer');
export const resolveUpdate = defineUpdate<CaseCommandResult, [ResolveArgs]>('resolve');
export const suspendUpdate = defineUpdate<CaseCommandResult, [ReasonArgs]>('suspend');
export const resumeUpdate = defineUpdate<CaseCommandResult, [CommandBase]>('resume');
export const requestExtensionUpdate = defineUpdate<CaseCommandResult, [RequestExtensionArgs]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<CaseCommandResult, [DecideExtensionArgs]>('decideExtension');
export const issueSupervisionNoticeUpdate = defineUpdate<CaseCommandResult, [SupervisionNoticeArgs]>('issueSupervisionNotice');
export const recordCallbackUpdate = defineUpdate<CaseCommandResult, [RecordCallbackArgs]>('recordCallback');
export const mergeUpdate = defineUpdate<CaseCommandResult, [MergeArgs]>('merge');
export const closeUpdate = defineUpdate<CaseCommandResult, [CloseArgs]>('close');

/** Every command Update by name, for an HTTP layer that maps routes to Updates. */
export const caseCommandUpdates = {
  accept: acceptUpdate,
  return: returnUpdate,
  dispatch: dispatchUpdate,
  redispatch: redispatchUpdate,
  escalate: escalateUpdate,
  summonDepartments: summonDepartmentsUpdate,
  reportIn: reportInUpdate,
  refuse: refuseUpdate,
  decideRefusal: decideRefusalUpdate,
  withdrawSummons: withdrawSummonsUpdate,
  releaseSummons: releaseSummonsUpdate,
  answer: answerUpdate,
  resolve: resolveUpdate,
  suspend: suspendUpdate,
  resume: resumeUpdate,
  requestExtension: requestExtensionUpdate,
  decideExtension: decideExtensionUpdate,
  issueSupervisionNotice: issueSupervisionNoticeUpdate,
  recordCallback: recordCallbackUpdate,
  merge: mergeUpdate,
  close: closeUpdate,
} as const;

export type CaseCommandName = keyof typeof caseCommandUpdates;

/** Sent by a duplicate's workflow to its master's when a dispatcher merges it (合并). */
export const attachDuplicateSignal = defineSignal<[{ duplicateCaseNumber: string; actor: CommandActor }]>('attachDuplicate');

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/** One SLA clock as the console shows it. Instants are ISO strings; null while paused or not computable. */
export interface ClockView {
  /** 'case' or 'department:<id>' */
  key: string;
  window: SlaWindowName;
  departmentId?: string;
  startedAt: string;
  paused: boolean;
  deadline: string | null;
  warningAt: string | null;
  status: SlaStatus;
  warned: boolean;
  breached: boolean;
  /** Set when the business calendar could not compute the deadline (e.g. a year without a holiday schedule). */
  calendarProblem?: CommandRejection;
  /** 暂定: the deadline was computed from the statutory holidays of a year without an official arrangement. */
  provisional?: true;
}

export interface SummonsView {
  summonsId: string;
  departmentId: string;
  n: number;
  status: SummonsStatus;
  summonedAt: string;
  refusal?: { reason: string; at: string };
  answer?: { plan: string; result: string; at: string };
  /** the department let a window of this summons run out and the workflow issued 督办 (a supervisor may release it) */
  breached?: true;
  /** 撤回 by the street or 解除 by a supervisor */
  ending?: { reason: string; at: string; byRole: string };
  clock: ClockView | null;
}

export interface CaseView {
  caseNumber: string;
  stage: CaseStage;
  level: CaseLevel | null;
  currentUnit: string | null;
  streetId: string | null;
  communityId: string | null;
  /** the grid the case lies in (its staff act for the community holding it) */
  gridId: string | null;
  categoryCode: string | null;
  priority: CaseUrgency | null;
  slaProfile: string | null;
  clocks: ClockView[];
  summonses: SummonsView[];
  suspension: { suspended: boolean; since: string | null; reason: string | null; totalMs: number; count: number; resumeBy: string | null };
  pendingExtension: { extra: BusinessDurationArgs; reason: string; at: string } | null;
  supervisionNotices: number;
  reopenCount: number;
  masterCaseNumber: string | null;
  duplicateCaseNumbers: string[];
  closure: { at: string; reason: string } | null;
  /** Sequence number of the latest event; events up to `publishedSequence` have been handed to Kafka. */
  lastSequence: number;
  publishedSequence: number;
  /** Runs of this workflow (continue-as-new carries the case over to a fresh history). */
  run: number;
}

/** One line of the case's timeline: an event it published. */
export interface TimelineEntry {
  sequence: number;
  type: string;
  at: string;
  actor: { userId: string; role: string; unitId?: string };
  level: CaseLevel | null;
  unitId: string | null;
  detail?: string;
}

export const caseStatusQuery = defineQuery<CaseView>('caseStatus');
export const caseTimelineQuery = defineQuery<TimelineEntry[]>('caseTimeline');
