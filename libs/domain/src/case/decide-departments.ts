import type {
  DecideRefusalCommand,
  DepartmentAnswerCommand,
  DepartmentRefuseCommand,
  DepartmentReportInCommand,
  ReleaseSummonsCommand,
  SummonDepartmentsCommand,
  WithdrawSummonsCommand,
} from './case-commands';
import { clockStart, openSummonses } from './case-clocks';
import type { SummonsStatus } from '../vocabulary/case-words';
import type { CaseState, DepartmentSummons } from './case-state';
import { type Check, type Decision, accepted, firstFailure, refused } from './decision';
import { eventBase } from './event-base';
import { requireDepartmentStaff, requireHandler, requirePower, requireStatus, requireText } from './guards';
import { rejections } from './rejection';

type DepartmentCommand = DepartmentReportInCommand | DepartmentRefuseCommand | DepartmentAnswerCommand | DecideRefusalCommand | WithdrawSummonsCommand | ReleaseSummonsCommand;

/** The department's latest summons on this case that is still open. */
export function openSummonsOf(state: CaseState, departmentId: string): DepartmentSummons | undefined {
  return openSummonses(state).find((summons) => summons.departmentId === departmentId);
}

const caseIsWorkable = (state: CaseState, command: DepartmentCommand | SummonDepartmentsCommand): Check =>
  state.status === 'suspended' ? rejections.caseSuspended(command.type) : requireStatus(state, command.type, 'in-handling');

const requireSummonsIn = (state: CaseState, command: DepartmentCommand, ...statuses: SummonsStatus[]): Check => {
  const summons = openSummonsOf(state, command.departmentId);
  if (!summons) return rejections.departmentNotSummoned(command.departmentId);
  return statuses.includes(summons.status) ? undefined : rejections.summonsInWrongState(command.type, command.departmentId, summons.status);
};

/** 吹哨: the street summons one or more departments at once; each gets its own report-in window. */
export function decideSummonDepartments(state: CaseState, command: SummonDepartmentsCommand): Decision {
  const ids = command.departmentIds ?? [];
  const alreadyOpen = ids.find((id) => openSummonsOf(state, id));
  const failure = firstFailure(
    () => caseIsWorkable(state, command),
    () => (state.level === 'community' ? rejections.notAtStreet() : undefined),
    () => requireHandler(state, command),
    () => (ids.length === 0 || new Set(ids).size !== ids.length || ids.some((id) => !id?.trim()) ? rejections.noDepartments() : undefined),
    () => (alreadyOpen ? rejections.departmentAlreadySummoned(alreadyOpen) : undefined),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'DepartmentsSummoned', ...eventBase(state, command), departmentIds: [...ids], clock: clockStart(state, 'department-report-in') });
}

/** 报到: the department acknowledges; its answer window starts. */
export function decideDepartmentReportIn(state: CaseState, command: DepartmentReportInCommand): Decision {
  const failure = firstFailure(
    () => caseIsWorkable(state, command),
    () => requireDepartmentStaff(command),
    () => requireSummonsIn(state, command, 'summoned'),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'DepartmentReportedIn', ...eventBase(state, command), departmentId: command.departmentId, clock: clockStart(state, 'department-answer') });
}

/** A department may refuse with a reason; the street or a supervisor arbitrates. Its clock stops meanwhile. */
export function decideDepartmentRefuse(state: CaseState, command: DepartmentRefuseCommand): Decision {
  const failure = firstFailure(
    () => caseIsWorkable(state, command),
    () => requireDepartmentStaff(command),
    () => requireSummonsIn(state, command, 'summoned', 'reported-in'),
    () => requireText(command.type, 'reason', command.reason),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'DepartmentRefused', ...eventBase(state, command), departmentId: command.departmentId, reason: command.reason });
}

/** Accepting a refusal releases the department; overruling sends it back to the stage it refused from. */
export function decideDecideRefusal(state: CaseState, command: DecideRefusalCommand): Decision {
  const failure = firstFailure(
    () => caseIsWorkable(state, command),
    () => requireHandler(state, command),
    () => requireSummonsIn(state, command, 'refusal-pending'),
  );
  if (failure) return refused(failure);
  const { departmentId, note } = command;
  const base = { ...eventBase(state, command), departmentId, ...(note ? { note } : {}) };
  if (command.decision === 'accept') return accepted({ type: 'DepartmentRefusalAccepted', ...base });
  const refusedFrom = openSummonsOf(state, departmentId)!.refusal!.from;
  const window = refusedFrom === 'summoned' ? 'department-report-in' : 'department-answer';
  return accepted({ type: 'DepartmentRefusalOverruled', ...base, clock: clockStart(state, window) });
}

/**
 * 撤回吹哨: the street that holds the case (or a supervisor) withdraws a summons at any time before its answer —
 * the department is no longer needed, or was the wrong one. Allowed while the case is suspended too (it ends a
 * clock, it starts none). A breach the department already let happen stays on its record.
 */
export function decideWithdrawSummons(state: CaseState, command: WithdrawSummonsCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'in-handling', 'suspended'),
    () => requireHandler(state, command),
    () => requireSummonsIn(state, command, 'summoned', 'reported-in', 'refusal-pending'),
    () => requireText(command.type, 'reason', command.reason),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'DepartmentSummonsWithdrawn', ...eventBase(state, command), departmentId: command.departmentId, reason: command.reason });
}

/**
 * 解除: a supervisor releases a department that let its window run out and was 督办-ed (a silent department
 * must not hold the citizen's case forever). Its breach stays on its record; the case may then be resolved.
 */
export function decideReleaseSummons(state: CaseState, command: ReleaseSummonsCommand): Decision {
  const failure = firstFailure(
    () => requireStatus(state, command.type, 'in-handling', 'suspended'),
    () => requirePower(command),
    () => requireSummonsIn(state, command, 'summoned', 'reported-in', 'refusal-pending'),
    () => ((openSummonsOf(state, command.departmentId)!.breaches ?? []).length > 0 ? undefined : rejections.summonsNotBreached(command.departmentId)),
    () => requireText(command.type, 'reason', command.reason),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'DepartmentSummonsReleased', ...eventBase(state, command), departmentId: command.departmentId, reason: command.reason });
}

/** 答复: the department's plan and result. */
export function decideDepartmentAnswer(state: CaseState, command: DepartmentAnswerCommand): Decision {
  const failure = firstFailure(
    () => caseIsWorkable(state, command),
    () => requireDepartmentStaff(command),
    () => requireSummonsIn(state, command, 'reported-in'),
    () => requireText(command.type, 'plan', command.plan),
    () => requireText(command.type, 'result', command.result),
  );
  if (failure) return refused(failure);
  const { departmentId, plan, result } = command;
  return accepted({ type: 'DepartmentAnswered', ...eventBase(state, command), departmentId, plan, result });
}
