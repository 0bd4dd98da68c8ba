import type { CloseCommand, RecordCallbackCommand, ReopenCommand } from './case-commands';
import type { CaseEvent } from './case-events';
import { clockStart, handlingWindowFor } from './case-clocks';
import { CASE_RULES } from './case-rules';
import type { CallbackRecord, CaseState, ClosureReason } from './case-state';
import { type Decision, accepted, firstFailure, refused } from './decision';
import { eventBase } from './event-base';
import { requireRole, requireStatus } from './guards';
import { rejections } from './rejection';

/** Callbacks made since the latest 办结 (earlier rounds belong to earlier resolutions). */
export function callbacksSinceResolution(state: CaseState): CallbackRecord[] {
  const resolvedAt = state.resolution?.at ?? Infinity;
  return state.callbacks.filter((callback) => callback.at >= resolvedAt);
}

/** 回访: reached or not; when reached, 满意 / 基本满意 / 不满意. A dissatisfied citizen past the reopen limit sends the case to 督查复核. */
export function decideRecordCallback(state: CaseState, command: RecordCallbackCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'resolved'),
    () => requireRole(command, 'operator', 'system'),
    () => (command.reached && !command.satisfaction ? rejections.satisfactionRequired() : undefined),
  );
  if (failure) return refused(failure);
  const { reached, comment } = command;
  const satisfaction = reached ? command.satisfaction : undefined;
  const events: CaseEvent[] = [
    { type: 'CallbackRecorded', ...eventBase(state, command), reached, ...(satisfaction ? { satisfaction } : {}), ...(comment ? { comment } : {}) },
  ];
  if (satisfaction === 'dissatisfied' && state.reopenCount >= CASE_RULES.maxReopens) {
    events.push({ type: 'SupervisorReviewRequired', ...eventBase(state, command), reopenCount: state.reopenCount });
  }
  return accepted(...events);
}

/** 重办 after a dissatisfied callback, at most CASE_RULES.maxReopens times; the same unit handles it again. */
export function decideReopen(state: CaseState, command: ReopenCommand): Decision {
  const lastCallback = state.callbacks[state.callbacks.length - 1];
  const failure = firstFailure(
    () => (state.status === 'underReview' || (state.status === 'calledBack' && state.reopenCount >= CASE_RULES.maxReopens) ? rejections.reopenLimitReached(CASE_RULES.maxReopens) : undefined),
    () => requireStatus(state, command.type, 'calledBack'),
    () => requireRole(command, 'operator', 'dispatcher', 'supervisor', 'system'),
    () => (lastCallback?.satisfaction === 'dissatisfied' ? undefined : rejections.reopenNeedsDissatisfaction()),
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
    () => requireStatus(state, command.type, 'resolved', 'calledBack', 'underReview'),
    () => requireRole(command, 'operator', 'system', 'supervisor'),
  );
  if (failure) return refused(failure);
  const reason = closureReason(state, command);
  if ('code' in reason) return refused(reason);
  return accepted({ type: 'CaseClosed', ...eventBase(state, command), reason: reason.closure, ...(command.note ? { note: command.note } : {}) });
}

function closureReason(state: CaseState, command: CloseCommand): { closure: ClosureReason } | ReturnType<typeof rejections.closeNotAllowed> {
  const isSupervisor = command.actor.role === 'supervisor';
  if (state.status === 'underReview') return isSupervisor ? { closure: 'supervisorDecision' } : rejections.closeNeedsSupervisor();
  if (state.status === 'resolved') {
    const unreached = callbacksSinceResolution(state).filter((callback) => !callback.reached).length;
    return unreached >= CASE_RULES.callbackAttemptsBeforeUnreachable ? { closure: 'callbackUnreachable' } : rejections.closeNotAllowed();
  }
  const satisfaction = state.callbacks[state.callbacks.length - 1]?.satisfaction;
  if (satisfaction === 'dissatisfied') return isSupervisor ? { closure: 'supervisorDecision' } : rejections.closeNeedsSupervisor();
  return { closure: 'callbackCompleted' };
}
