import type { Actor, Role } from './actor';
import type { CaseCommand, CaseCommandType } from './case-commands';
import type { CaseState, CaseStatus } from './case-state';
import type { Check } from './decision';
import { rejections } from './rejection';

/** Who may work a case at each rung, besides matching the assigned unit. */
const HANDLER_ROLES: Readonly<Record<'community' | 'street', readonly Role[]>> = {
  community: ['communityHandler', 'gridWorker', 'mediator'],
  street: ['streetCoordinator'],
};

export function requireStatus(state: CaseState, command: CaseCommandType, ...allowed: CaseStatus[]): Check {
  return allowed.includes(state.status) ? undefined : rejections.invalidStatus(command, state.status);
}

export function requireRole(command: CaseCommand, ...roles: Role[]): Check {
  return roles.includes(command.actor.role) ? undefined : rejections.roleNotAllowed(command.type, command.actor.role);
}

export function requireText(command: CaseCommandType, field: string, value: string | undefined): Check {
  return value !== undefined && value.trim() !== '' ? undefined : rejections.textRequired(command, field);
}

/** Staff of the assigned unit in a role fit for the case's rung (签收, 办理, 办结 …). */
export function isAssignedHandler(state: CaseState, actor: Actor): boolean {
  const assignee = state.assignee;
  if (assignee === null || actor.unitId !== assignee.unitId) return false;
  // the street's mediation centre (矛盾调解中心) handles the disputes that reach the street
  if (assignee.level === 'street' && actor.role === 'mediator') return state.classification?.isDispute === true;
  return HANDLER_ROLES[assignee.level].includes(actor.role);
}

/** The assigned unit's handler, or a supervisor when `supervisorToo` (supervisors may intervene at any level). */
export function requireHandler(state: CaseState, command: CaseCommand, options: { supervisorToo?: boolean } = {}): Check {
  if (options.supervisorToo && command.actor.role === 'supervisor') return undefined;
  if (isAssignedHandler(state, command.actor)) return undefined;
  const assignee = state.assignee;
  if (assignee && command.actor.unitId === assignee.unitId) return rejections.roleNotAllowed(command.type, command.actor.role);
  return rejections.notAssignee(command.type, assignee?.unitId ?? '—');
}
