import { extendSlaClock } from '../sla/sla-clock';
import type { CaseEvent } from './case-events';
import { pauseAllClocks, resumeAllClocks, startCaseClock } from './case-clocks';
import type { CaseState, DepartmentSummons } from './case-state';
import { isSummonsOpen } from '../vocabulary/case-words';

/**
 * Applies one event. Total and pure: events come from `decide` (or from the log when replaying), so evolve
 * trusts them and never refuses; it records facts.
 */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  return { ...apply(state, event), version: state.version + 1, lastEventAt: event.at };
}

/** Folds a history into a state, e.g. to rebuild a case from its event log. */
export function replayCase(initial: CaseState, events: readonly CaseEvent[]): CaseState {
  return events.reduce(evolve, initial);
}

function apply(state: CaseState, event: CaseEvent): CaseState {
  const { at } = event;
  switch (event.type) {
    case 'CaseRegistered': {
      const { channel, summary, requestType, location, actor } = event;
      return { ...state, status: 'registered', intake: { channel, summary, requestType, ...(location ? { location } : {}), registeredAt: at, registeredBy: actor } };
    }
    case 'CaseClassified': {
      const { categoryCode, requestType, priority, isDispute, slaWindows } = event;
      return { ...state, status: 'classified', classification: { categoryCode, requestType, priority, isDispute, slaWindows } };
    }
    case 'CaseAnsweredDirectly':
      return { ...state, resolution: { at, by: event.actor, summary: event.answer } };
    case 'CaseDispatched':
      return { ...state, status: 'dispatched', route: event.route, assignee: event.assignee, level: event.assignee.level, acceptedAt: null, clock: startCaseClock(event.clock, at) };
    case 'CaseReturned':
      return {
        ...state,
        status: 'returned',
        assignee: null,
        level: null,
        clock: null,
        returns: [...state.returns, { at, by: event.actor, unitId: event.unitId, reason: event.reason }],
      };
    case 'CaseAccepted':
      return { ...state, status: 'in-handling', acceptedAt: at, clock: startCaseClock(event.clock, at) };
    case 'CaseEscalated':
      return {
        ...state,
        status: 'in-handling',
        assignee: event.assignee,
        level: event.to,
        clock: startCaseClock(event.clock, at),
        pendingExtension: null,
        escalations: [...state.escalations, { at, trigger: event.trigger, from: event.from, to: event.to }],
      };
    case 'DepartmentsSummoned':
      return {
        ...state,
        level: 'departments',
        summonses: [
          ...state.summonses,
          ...event.departmentIds.map((departmentId): DepartmentSummons => ({ departmentId, status: 'summoned', summonedAt: at, clock: startCaseClock(event.clock, at) })),
        ],
      };
    case 'DepartmentReportedIn':
      return updateSummons(state, event.departmentId, (summons) => ({ ...summons, status: 'reported-in', clock: startCaseClock(event.clock, at) }));
    case 'DepartmentRefused':
      return updateSummons(state, event.departmentId, (summons) => ({
        ...summons,
        status: 'refusal-pending',
        clock: null,
        refusal: { reason: event.reason, at, from: summons.status === 'reported-in' ? 'reported-in' : 'summoned' },
      }));
    case 'DepartmentRefusalAccepted':
      return updateSummons(state, event.departmentId, (summons) => ({ ...summons, status: 'released', clock: null }));
    case 'DepartmentRefusalOverruled':
      return updateSummons(state, event.departmentId, (summons) => ({
        ...summons,
        status: summons.refusal?.from ?? 'summoned',
        clock: startCaseClock(event.clock, at),
      }));
    case 'DepartmentSummonsWithdrawn':
    case 'DepartmentSummonsReleased':
      return updateSummons(state, event.departmentId, (summons) => ({
        ...summons,
        status: event.type === 'DepartmentSummonsWithdrawn' ? 'withdrawn' : 'released',
        clock: null,
        ending: { by: event.actor, at, reason: event.reason },
      }));
    case 'DepartmentAnswered':
      return updateSummons(state, event.departmentId, (summons) => ({ ...summons, status: 'answered', clock: null, answer: { plan: event.plan, result: event.result, at } }));
    case 'CaseSuspended':
      return {
        ...state,
        ...pauseAllClocks(state, at),
        status: 'suspended',
        suspension: { ...state.suspension, current: { since: at, reason: event.reason }, count: state.suspension.count + 1 },
      };
    case 'CaseResumed':
      return { ...state, ...resumeAllClocks(state, at), status: 'in-handling', suspension: endSuspension(state, at) };
    case 'ExtensionRequested':
      return { ...state, pendingExtension: { extra: event.extra, reason: event.reason, at, by: event.actor } };
    case 'ExtensionDecided':
      if (!event.approved || !state.clock) return { ...state, pendingExtension: null };
      return {
        ...state,
        pendingExtension: null,
        approvedExtensions: [...state.approvedExtensions, event.extra],
        clock: { ...state.clock, clock: extendSlaClock(state.clock.clock, event.extra) },
      };
    case 'SupervisionNoticeIssued': {
      const noticed = { ...state, supervisionNotices: [...state.supervisionNotices, { at, by: event.actor, notice: event.notice }] };
      const breach = event.breach;
      if (!breach) return noticed;
      return updateSummons(noticed, breach.departmentId, (summons) => ({ ...summons, breaches: [...(summons.breaches ?? []), { window: breach.window, at }] }));
    }
    case 'CaseResolved':
      return { ...state, status: 'resolved', resolution: { at, by: event.actor, summary: event.summary }, pendingExtension: null, clock: startCaseClock(event.clock, at) };
    case 'CallbackRecorded': {
      const { reached, satisfaction, comment, actor } = event;
      const callback = { at, by: actor, reached, ...(satisfaction ? { satisfaction } : {}), ...(comment ? { comment } : {}) };
      return { ...state, status: reached ? 'called-back' : state.status, clock: reached ? null : state.clock, callbacks: [...state.callbacks, callback] };
    }
    case 'SupervisorReviewRequired':
      return { ...state, status: 'under-review' };
    case 'CaseReopened':
      return { ...state, status: 'in-handling', reopenCount: state.reopenCount + 1, resolution: null, clock: startCaseClock(event.clock, at) };
    case 'CaseMerged':
      // The duplicate stops here: every clock stops (departments included) and a suspension ends with it.
      return {
        ...state,
        status: 'merged',
        masterCaseId: event.masterCaseId,
        clock: null,
        summonses: state.summonses.map((summons) => ({ ...summons, clock: null })),
        pendingExtension: null,
        suspension: endSuspension(state, at),
      };
    case 'DuplicateAttached':
      return { ...state, duplicateCaseIds: [...state.duplicateCaseIds, event.duplicateCaseId] };
    case 'CaseClosed':
      return { ...state, status: 'closed', clock: null, closure: { at, by: event.actor, reason: event.reason } };
    default:
      return assertNever(event);
  }
}

function endSuspension(state: CaseState, at: number): CaseState['suspension'] {
  const current = state.suspension.current;
  return current ? { ...state.suspension, current: null, totalMs: state.suspension.totalMs + (at - current.since) } : state.suspension;
}

/** Updates the department's latest open summons (a department may be summoned again after answering). */
function updateSummons(state: CaseState, departmentId: string, update: (summons: DepartmentSummons) => DepartmentSummons): CaseState {
  const index = state.summonses.findLastIndex((summons) => summons.departmentId === departmentId && isSummonsOpen(summons.status));
  if (index < 0) return state;
  return { ...state, summonses: state.summonses.map((summons, i) => (i === index ? update(summons) : summons)) };
}

function assertNever(event: never): never {
  throw new Error(`Unknown case event ${JSON.stringify(event)}`);
}
