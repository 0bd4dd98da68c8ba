import { durationToMs, isValidDuration } from '../calendar/business-duration';
import type {
  AcceptCommand,
  DecideExtensionCommand,
  EscalateCommand,
  IssueSupervisionNoticeCommand,
  RequestExtensionCommand,
  ResolveCommand,
  ResumeCommand,
  SuspendCommand,
} from './case-commands';
import { clockStart, handlingWindowFor, openSummonses } from './case-clocks';
import type { CaseState } from './case-state';
import { type Check, type Decision, accepted, firstFailure, refused } from './decision';
import { eventBase } from './event-base';
import { reachOf } from '../vocabulary/case-command-policy';
import { requireHandler, requirePower, requireStatus, requireText } from './guards';

import { rejections } from './rejection';

const notWhileSuspended = (state: CaseState, command: { type: Parameters<typeof rejections.caseSuspended>[0] }): Check =>
  state.status === 'suspended' ? rejections.caseSuspended(command.type) : undefined;

/** 签收: the assigned unit takes the case; its handling window starts (mediation for disputes). */
export function decideAccept(state: CaseState, command: AcceptCommand): Decision {
  const failure = firstFailure(
    () => (state.status === 'in-handling' || state.status === 'suspended' ? rejections.alreadyAccepted() : undefined),
    () => requireStatus(state, command.type, 'dispatched'),
    () => requireHandler(state, command),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'CaseAccepted', ...eventBase(state, command), clock: clockStart(state, handlingWindowFor(state, state.assignee!.level)) });
}

/**
 * 升级 from the community to the street: early, by the community when it lacks the powers, or on breach, by
 * the workflow's timer (also of the acceptance window). The street takes over at once with its own window.
 */
export function decideEscalate(state: CaseState, command: EscalateCommand): Decision {
  const failure = firstFailure(
    () => notWhileSuspended(state, command),
    () => requireStatus(state, command.type, 'dispatched', 'in-handling'),
    () => (state.level !== 'community' ? rejections.alreadyAtStreet() : undefined),
    () => (state.status === 'dispatched' && command.trigger === 'early' ? rejections.escalateBeforeAcceptance() : undefined),
    // a breach escalates by the workflow's timer (or a supervisor's hand); early, by the community that holds it
    () => (command.trigger === 'breach' ? (reachOf(command.actor.role, command.type) === 'any-case' ? undefined : rejections.roleNotAllowed(command.type, command.actor.role)) : requireHandler(state, command)),
  );
  if (failure) return refused(failure);
  return accepted({
    type: 'CaseEscalated',
    ...eventBase(state, command),
    trigger: command.trigger,
    from: state.level!,
    to: 'street',
    assignee: { unitId: state.route!.streetId, level: 'street' },
    ...(command.note ? { note: command.note } : {}),
    clock: clockStart(state, handlingWindowFor(state, 'street')),
  });
}

/** 挂起: every clock of the case stops; total suspension is capped by the SLA snapshot. */
export function decideSuspend(state: CaseState, command: SuspendCommand): Decision {
  const limit = state.classification?.slaWindows.maxTotalSuspension;
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'in-handling'),
    () => requireHandler(state, command),
    () => requireText(command.type, 'reason', command.reason),
    () => (limit && state.suspension.totalMs >= durationToMs(limit, 0) ? rejections.suspensionLimitReached(limit) : undefined),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'CaseSuspended', ...eventBase(state, command), reason: command.reason });
}

/** 恢复办理, by the handler, a supervisor, or the workflow when the suspension allowance runs out. */
export function decideResume(state: CaseState, command: ResumeCommand): Decision {
  const failure = firstFailure(
    () => (state.status === 'in-handling' ? rejections.notSuspended() : undefined),
    () => requireStatus(state, command.type, 'suspended'),
    () => requireHandler(state, command),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'CaseResumed', ...eventBase(state, command) });
}

/** 申请延期 on the running handling window, in the window's own basis. */
export function decideRequestExtension(state: CaseState, command: RequestExtensionCommand): Decision {
  const failure = firstFailure(
    () => notWhileSuspended(state, command),
    () => requireStatus(state, command.type, 'in-handling'),
    () => requireHandler(state, command),
    () => requireText(command.type, 'reason', command.reason),
    () => (isValidDuration(command.extra) ? undefined : rejections.invalidDuration()),
    () => (state.pendingExtension ? rejections.extensionPending() : undefined),
    () => (command.extra.basis === state.clock?.clock.duration.basis ? undefined : rejections.extensionBasisMismatch()),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'ExtensionRequested', ...eventBase(state, command), extra: command.extra, reason: command.reason });
}

/** 审批延期, by a supervisor. */
export function decideDecideExtension(state: CaseState, command: DecideExtensionCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'in-handling', 'suspended'),
    () => requirePower(command),
    () => (state.pendingExtension ? undefined : rejections.noPendingExtension()),
  );
  if (failure) return refused(failure);
  const { approved, note } = command;
  return accepted({ type: 'ExtensionDecided', ...eventBase(state, command), approved, extra: state.pendingExtension!.extra, ...(note ? { note } : {}) });
}

/** 办结 by the unit holding the case, once every summoned department has answered or been released. */
export function decideResolve(state: CaseState, command: ResolveCommand): Decision {
  const outstanding = openSummonses(state).map((summons) => summons.departmentId);
  const failure = firstFailure(
    () => notWhileSuspended(state, command),
    () => requireStatus(state, command.type, 'in-handling'),
    () => requireHandler(state, command),
    () => requireText(command.type, 'summary', command.summary),
    () => (outstanding.length > 0 ? rejections.departmentsOutstanding(outstanding) : undefined),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'CaseResolved', ...eventBase(state, command), summary: command.summary, clock: clockStart(state, 'callback') });
}

/**
 * 督办: a supervisor's notice at any rung of an open case, or the workflow's automatic one when a window
 * breaches at the department rung (breaches at L3 go to supervisors).
 */
export function decideIssueSupervisionNotice(state: CaseState, command: IssueSupervisionNoticeCommand): Decision {
  const breach = command.breach;
  const failure = firstFailure(
    () => requirePower(command),
    () => requireText(command.type, 'notice', command.notice),
    // a breach is the workflow's timer speaking: nobody else may mark a department as having let its window run out
    () => (breach && command.actor.role !== 'system' ? rejections.breachOnlyByTimer() : undefined),
    () => (breach && !openSummonses(state).some((summons) => summons.departmentId === breach.departmentId) ? rejections.departmentNotSummoned(breach.departmentId) : undefined),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'SupervisionNoticeIssued', ...eventBase(state, command), notice: command.notice, ...(breach ? { breach: { departmentId: breach.departmentId, window: breach.window } } : {}) });
}
