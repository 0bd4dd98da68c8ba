// Everything the case workflow keeps, as one plain value: it is what continue-as-new carries to the next run.
// The domain's CaseState is the truth about the case; the rest is the workflow's bookkeeping.
import { type CaseState, initialCaseState, isSummonsOpen, suspensionTimeLeftMs } from '@civicflow/domain';
import type { CalendarChange, CaseView, CaseWorkflowInput, SummonsView, TimelineEntry } from './case.contract';
import { type ClockBook, clockView, emptyClockBook } from './case-clocks';
import type { CaseEventDraft } from './case-events';
import { iso, summonsNumber } from './case-events';
import type { CaseSearchValues } from './case-search-attributes';
import { summonsWorkflowId, wireLevel, wireStage } from './case-stage';
import type { SummonsChange } from '../summons/department-summons.contract';

/** A summons' child workflow and what it was last told. */
export interface ChildRecord {
  departmentId: string;
  n: number;
  sent: SummonsChange;
  done: boolean;
}

export interface CaseRunState {
  state: CaseState;
  /** The case has been registered, classified and routed (the first transition finished). */
  started: boolean;
  /** Last sequence number given to an event, and the last one handed to Kafka. */
  sequence: number;
  publishedSequence: number;
  outbox: CaseEventDraft[];
  book: ClockBook;
  everBreached: boolean;
  timeline: TimelineEntry[];
  children: Record<string, ChildRecord>;
  /** Masters still to be told about a merge (合并) of this case. */
  masterNotices: Array<{ masterCaseNumber: string; actor: { userId: string; role: string; unitId: string } }>; // role: wire spelling
  searchAttributes: Partial<CaseSearchValues>;
  run: number;
  /** A calendar change whose recompute could not read the calendar yet; tried again at `retryAt`. */
  calendarPending?: CalendarChange & { retryAt: number };
}

/** The timeline keeps the latest entries only; Kafka and the read model keep them all. */
export const TIMELINE_LIMIT = 300;

export function initialRunState(caseNumber: string): CaseRunState {
  return {
    state: initialCaseState(caseNumber),
    started: false,
    sequence: 0,
    publishedSequence: 0,
    outbox: [],
    book: emptyClockBook(),
    everBreached: false,
    timeline: [],
    children: {},
    masterNotices: [],
    searchAttributes: {},
    run: 1,
  };
}

/** The case is over and the workflow may end once its events are out and its summonses told. */
export function isFinished(run: CaseRunState): boolean {
  const status = run.state.status;
  return (status === 'closed' || status === 'merged') && run.outbox.length === 0 && run.masterNotices.length === 0 && Object.values(run.children).every((child) => child.done);
}

export function caseView(run: CaseRunState, input: CaseWorkflowInput, now: number): CaseView {
  const s = run.state;
  const summonses: SummonsView[] = s.summonses.map((summons, index) => {
    const n = summonsNumber({ ...s, summonses: s.summonses.slice(0, index + 1) }, summons.departmentId);
    const open = isSummonsOpen(summons.status);
    return {
      summonsId: summonsWorkflowId(s.caseId, summons.departmentId, n),
      departmentId: summons.departmentId,
      n,
      status: summons.status,
      summonedAt: iso(summons.summonedAt),
      ...(summons.refusal ? { refusal: { reason: summons.refusal.reason, at: iso(summons.refusal.at) } } : {}),
      ...(summons.answer ? { answer: { plan: summons.answer.plan, result: summons.answer.result, at: iso(summons.answer.at) } } : {}),
      ...((summons.breaches ?? []).length > 0 ? { breached: true as const } : {}),
      ...(summons.ending ? { ending: { reason: summons.ending.reason, at: iso(summons.ending.at), byRole: summons.ending.by.role } } : {}),
      clock: open ? clockView(run.book, `department:${summons.departmentId}`, now) : null,
    };
  });
  const left = s.status === 'suspended' ? suspensionTimeLeftMs(s, now) : undefined;
  return {
    caseNumber: s.caseId,
    stage: wireStage(s),
    level: wireLevel(s),
    currentUnit: s.assignee?.unitId ?? null,
    streetId: s.route?.streetId ?? null,
    communityId: s.route?.communityId ?? null,
    gridId: s.route?.gridId ?? null,
    categoryCode: s.classification?.categoryCode ?? null,
    priority: s.classification?.priority ?? null,
    slaProfile: s.classification?.slaWindows.profileId ?? input.slaProfile ?? null,
    clocks: Object.keys(run.book.readings)
      .map((key) => clockView(run.book, key, now))
      .filter((clock) => clock !== null),
    summonses,
    suspension: {
      suspended: s.status === 'suspended',
      since: s.suspension.current ? iso(s.suspension.current.since) : null,
      reason: s.suspension.current?.reason ?? null,
      totalMs: s.suspension.totalMs,
      count: s.suspension.count,
      resumeBy: left !== undefined ? iso(now + Math.max(0, left)) : null,
    },
    pendingExtension: s.pendingExtension ? { extra: { ...s.pendingExtension.extra }, reason: s.pendingExtension.reason, at: iso(s.pendingExtension.at) } : null,
    supervisionNotices: s.supervisionNotices.length,
    reopenCount: s.reopenCount,
    masterCaseNumber: s.masterCaseId,
    duplicateCaseNumbers: [...s.duplicateCaseIds],
    closure: s.closure ? { at: iso(s.closure.at), reason: s.closure.reason } : null,
    lastSequence: run.sequence,
    publishedSequence: run.publishedSequence,
    run: run.run,
  };
}
