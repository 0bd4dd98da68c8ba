import { actsForHolder, mayActAsHolder, reachOf } from '../vocabulary/case-command-policy';
import type { Actor } from './actor';
import type { CaseCommand, CaseCommandType } from './case-commands';
import type { CaseState, CaseStatus } from './case-state';
import type { Check } from './decision';
import { rejections } from './rejection';

// The case's guards read the one policy (libs/domain/src/vocabulary): who may send what is the role table's;
// the state (which unit holds the case, which departments are summoned, the stage) is the case's.

export function requireStatus(state: CaseState, command: CaseCommandType, ...allowed: CaseStatus[]): Check {
  return allowed.includes(state.status) ? undefined : rejections.invalidStatus(command, state.status);
}

/** A command that is not tied to the unit holding the case: the actor's role must have the power (or be the workflow's own, for its commands). */
export function requirePower(command: CaseCommand): Check {
  return reachOf(command.actor.role, command.type) !== undefined ? undefined : rejections.roleNotAllowed(command.type, command.actor.role);
}

export function requireText(command: CaseCommandType, field: string, value: string | undefined): Check {
  return value !== undefined && value.trim() !== '' ? undefined : rejections.textRequired(command, field);
}

/** Staff of the holding unit (or of the case's grid, for its community) in a role that handles the case at its rung. */
export function isAssignedHandler(state: CaseState, actor: Actor, command: CaseCommandType): boolean {
  const assignee = state.assignee;
  if (assignee === null) return false;
  if (!actsForHolder(actor, { unitId: assignee.unitId, rung: assignee.level, gridId: state.route?.gridId })) return false;
  return mayActAsHolder(actor.role, command, assignee.level, state.classification?.isDispute === true);
}

/** 签收, 办理, 办结 …: the holding unit's staff, or a role whose power over the command reaches any case (a supervisor's 督查). */
export function requireHandler(state: CaseState, command: CaseCommand): Check {
  if (reachOf(command.actor.role, command.type) === 'any-case') return undefined;
  if (isAssignedHandler(state, command.actor, command.type)) return undefined;
  const assignee = state.assignee;
  if (assignee && command.actor.unitId === assignee.unitId) return rejections.roleNotAllowed(command.type, command.actor.role);
  return rejections.notAssignee(command.type);
}

/** 报到, 拒绝, 答复: only the summoned department's own staff act for it. */
export function requireDepartmentStaff(command: CaseCommand & { departmentId: string }): Check {
  return reachOf(command.actor.role, command.type) === 'own-department' && command.actor.unitId === command.departmentId
    ? undefined
    : rejections.notSummonedDepartmentStaff(command.type, command.departmentId);
}
