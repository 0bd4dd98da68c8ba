import type { Actor } from './actor';
import type { CaseCommand, CloseCommand, RecordCallbackCommand, ReopenCommand } from './case-commands';
import type { CaseEvent } from './case-events';
import { clockStart, handlingWindowFor } from './case-clocks';
import { CASE_RULES } from './case-rules';
import type { ClosureReason } from '../vocabulary/case-words';
import type { CallbackRecord, CaseState } from './case-state';
import { type Decision, accepted, firstFailure, refused } from './decision';
import { eventBase } from './event-base';
import { supervises } from '../vocabulary/case-command-policy';
import { requirePower, requireStatus } from './guards';
import { rejections } from './rejection';

/** Callbacks made since the latest 办结 (earlier rounds belong to earlier resolutions). */
export function callbacksSinceResolution(state: CaseState): CallbackRecord[] {
  const resolvedAt = state.resolution?.at ?? Infinity;
  return state.callbacks.filter((callback) => callback.at >= resolvedAt);
}

/**
 * 回访未接通: the hotline records every attempt as a fact; this rule alone says when they are exhausted — after
 * CASE_RULES.callbackAttemptsBeforeUnreachable unanswered attempts since the latest 办结 the case may be closed
 * as unreachable (无法联系).
 */
export function callbackAttemptsExhausted(state: CaseState): boolean {
  if (state.status !== 'resolved') return false;
  return callbacksSinceResolution(state).filter((callback) => !callback.reached).length >= CASE_RULES.callbackAttemptsBeforeUnreachable;
}

/**
 * What follows a recorded callback by itself (the workflow sends it as `actor`, at the callback's instant):
 * 归档 after a satisfied or basically satisfied citizen; 重办 after a dissatisfied one while reopens remain;
 * 归档 as unreachable once the attempts are exhausted; otherwise nothing (the next attempt is awaited).
 */
export function settleAfterCallback(state: CaseState, actor: Actor, at: number): CaseCommand | undefined {
  const last = state.callbacks[state.callbacks.length - 1];
  if (state.status === 'called-back' && last?.satisfaction && last.satisfaction !== 'unsatisfied') return { type: 'close', actor, at };
  if (state.status === 'called-back' && last?.satisfaction === 'unsatisfied' && state.reopenCount < CASE_RULES.maxReopens) {
    return { type: 'reopen', actor, at, reason: last.comment ?? '回访不满意 the citizen was not satisfied' };
  }
  if (callbackAttemptsExhausted(state)) {
    return { type: 'close', actor, at, note: `${CASE_RULES.callbackAttemptsBeforeUnreachable} 次回访未接通 unreachable` };
  }
  return undefined;
}

/** 回访: reached or not; when reached, 满意 / 基本满意 / 不满意. A dissatisfied citizen past the reopen limit sends the case to 督查复核. */
export function decideRecordCallback(state: CaseState, command: RecordCallbackCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'resolved'),
    () => requirePower(command),
    () => (command.reached && !command.satisfaction ? rejections.satisfactionRequired() : undefined),
  );
  if (failure) return refused(failure);
  const { reached, comment } = command;
  const satisfaction = reached ? command.satisfaction : undefined;
  const events: CaseEvent[] = [
    { type: 'CallbackRecorded', ...eventBase(state, command), reached, ...(satisfaction ? { satisfaction } : {}), ...(comment ? { comment } : {}) },
  ];
  if (satisfaction === 'unsatisfied' && state.reopenCount >= CASE_RULES.maxReopens) {
    events.push({ type: 'SupervisorReviewRequired', ...eventBase(state, command), reopenCount: state.reopenCount });
  }
  return accepted(...events);
}

/** 重办 after a dissatisfied callback, at most CASE_RULES.maxReopens times; the same unit handles it again. */
export function decideReopen(state: CaseState, command: ReopenCommand): Decision {
  const lastCallback = state.callbacks[state.callbacks.length - 1];
  const failure = firstFailure(
    () => (state.status === 'under-review' || (state.status === 'called-back' && state.reopenCount >= CASE_RULES.maxReopens) ? rejections.reopenLimitReached(CASE_RULES.maxReopens) : undefined),
    () => requireStatus(state, command.type, 'called-back'),
    () => requirePower(command),
    () => (lastCallback?.satisfaction === 'unsatisfied' ? undefined : rejections.reopenNeedsDissatisfaction()),
  );
  if (failure) return refused(failure);
  return accepted({
    type: 'CaseReopened',
    ...eventBase(state, command),
    ...(command.reason ? { reason: command.reason } : {}),
    clock: clockStart(state, handlingWindowFor(state, state.level!)),
  });
}

/** 归档: after a satisfied callback, after enough unreached attempts, or by a supervisor's decision. */
export function decideClose(state: CaseState, command: CloseCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'resolved', 'called-back', 'under-review'),
    () => requirePower(command),
  );
  if (failure) return refused(failure);
  const reason = closureReason(state, command);
  if ('code' in reason) return refused(reason);
  return accepted({ type: 'CaseClosed', ...eventBase(state, command), reason: reason.closure, ...(command.note ? { note: command.note } : {}) });
}

function closureReason(state: CaseState, command: CloseCommand): { closure: ClosureReason } | ReturnType<typeof rejections.closeNotAllowed> {
  // a case its citizen stayed unsatisfied with closes only by a supervisor's decision (督查)
  const byDecision = supervises(command.actor.role);
  if (state.status === 'under-review') return byDecision ? { closure: 'supervisor-decision' } : rejections.closeNeedsSupervisor();
  if (state.status === 'resolved') return callbackAttemptsExhausted(state) ? { closure: 'callback-unreachable' } : rejections.closeNotAllowed();
  const satisfaction = state.callbacks[state.callbacks.length - 1]?.satisfaction;
  if (satisfaction === 'unsatisfied') return byDecision ? { closure: 'supervisor-decision' } : rejections.closeNeedsSupervisor();
  return { closure: 'callback-completed' };
}
