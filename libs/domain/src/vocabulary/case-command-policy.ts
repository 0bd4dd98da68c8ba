import { type CaseCommandName, HANDLING_COMMANDS, SYSTEM_COMMANDS } from './case-commands';
import { type CaseStage, HANDLING_RUNGS, type HandlingRung, isSummonsOpen, OPEN_STAGES } from './case-words';
import { type Reach, roleDefinition, ROLES } from './roles';

/**
 * 案件指令权限: who may send which case command, read from the role table (roles.ts). The domain's guards use
 * it with the full case state; casework uses `mayIssue` before it knows the case (403); the console shows
 * the buttons of `availableCommands` for the case as its status view shows it.
 */

/** Rungs at which the unit holding a case may send these: escalation leaves the community; summons and their arbitration are the street's. */
const HOLDER_RUNGS: Readonly<Partial<Record<CaseCommandName, readonly HandlingRung[]>>> = {
  escalate: ['community'],
  summonDepartments: ['street'],
  decideRefusal: ['street'],
  withdrawSummons: ['street'],
};

/** How far the role's power over the command reaches; undefined when it has none ('system': only SYSTEM_COMMANDS, anywhere). */
export function reachOf(role: string, command: CaseCommandName): Reach | undefined {
  if (role === 'system') return SYSTEM_COMMANDS.has(command) ? 'any-case' : undefined;
  const definition = roleDefinition(role);
  if (!definition) return undefined;
  const granted = definition.commands?.[command];
  if (granted) return granted;
  return HANDLING_COMMANDS.has(command) && definition.handles ? 'held-case' : undefined;
}

/** Whether the role's staff handle a case their unit holds at this rung (a dispute or not). */
export function handlesRung(role: string, rung: HandlingRung, isDispute: boolean): boolean {
  const scope = roleDefinition(role)?.handles?.[rung];
  return scope === 'every-case' || (scope === 'disputes' && isDispute);
}

/** The holding unit's staff may send the command on a case held at this rung. */
export function mayActAsHolder(role: string, command: CaseCommandName, rung: HandlingRung, isDispute: boolean): boolean {
  return reachOf(role, command) === 'held-case' && (HOLDER_RUNGS[command] ?? HANDLING_RUNGS).includes(rung) && handlesRung(role, rung, isDispute);
}

/** May the role ever send the command? Checked before anything is known about the case (403 when not). */
export function mayIssue(role: string, command: CaseCommandName): boolean {
  const reach = reachOf(role, command);
  if (reach !== 'held-case') return reach !== undefined;
  return (HOLDER_RUNGS[command] ?? HANDLING_RUNGS).some((rung) => handlesRung(role, rung, true));
}

/** Every role that may send the command (for messages and API docs). */
export function rolesFor(command: CaseCommandName, roles: readonly string[] = ROLES): string[] {
  return roles.filter((role) => mayIssue(role, command));
}

/** Works for a department: answers its summonses (报到, 答复) rather than holding cases. */
export function answersSummonses(role: string): boolean {
  return reachOf(role, 'reportIn') === 'own-department';
}

/** 督查: sees every case move (not only those its unit holds or its department is summoned to) and decides closures under review. */
export function supervises(role: string): boolean {
  return roleDefinition(role)?.supervises === true;
}

/** The signed-in user, as far as the policy cares. */
export interface PolicyUser {
  readonly role: string;
  readonly unitId: string;
}

/** A case as its status view shows it (workflows' CaseView has every field). */
export interface CaseAtHand {
  /** a CaseStage (a string, so a view from an older service still fits) */
  readonly stage: string;
  /** a CaseLevel */
  readonly level: string | null;
  /** the unit holding the case (community or street) */
  readonly currentUnit: string | null;
  readonly streetId?: string | null;
  /** the grid the case lies in: its staff act for the community holding it */
  readonly gridId?: string | null;
  /** unknown to some views: then a dispute is assumed possible and the domain decides */
  readonly isDispute?: boolean;
  /** status: a SummonsStatus; breached: the department's window ran out (and the workflow issued 督办) */
  readonly summonses: readonly { readonly departmentId: string; readonly status: string; readonly breached?: boolean }[];
  readonly suspension?: { readonly suspended: boolean } | null;
  readonly pendingExtension?: unknown;
}

/** The rung holding the case: the street when the street holds it, else the community. */
export function holdingRungOf(view: Pick<CaseAtHand, 'currentUnit' | 'streetId' | 'level'>): HandlingRung | undefined {
  if (!view.currentUnit) return undefined;
  if (view.level === 'community') return 'community';
  if (view.streetId != null) return view.currentUnit === view.streetId ? 'street' : 'community';
  return view.level === 'street' || view.level === 'department' ? 'street' : undefined;
}

/** A user acts for the unit holding a case when it is their own unit, or when they staff the case's grid and its community holds it. */
export function actsForHolder(user: PolicyUser, holder: { unitId: string | null; rung: HandlingRung | undefined; gridId?: string | null }): boolean {
  if (!holder.unitId) return false;
  return user.unitId === holder.unitId || (holder.rung === 'community' && !!holder.gridId && user.unitId === holder.gridId);
}

/** The commands this user may try on this case now, in the order the buttons show. The domain still decides. */
export function availableCommands(user: PolicyUser, view: CaseAtHand): CaseCommandName[] {
  const out: CaseCommandName[] = [];
  const { role } = user;
  const stage = view.stage;
  const rung = holdingRungOf(view);
  const mine = actsForHolder(user, { unitId: view.currentUnit, rung, gridId: view.gridId });
  const anyCase = (command: CaseCommandName) => reachOf(role, command) === 'any-case';
  const asHolder = (command: CaseCommandName) => anyCase(command) || (mine && rung !== undefined && mayActAsHolder(role, command, rung, view.isDispute ?? true));
  const suspended = stage === 'suspended' || !!view.suspension?.suspended;
  const mySummonses = answersSummonses(role) ? view.summonses.filter((s) => s.departmentId === user.unitId) : [];
  const summonsesSettled = view.summonses.every((s) => !isSummonsOpen(s.status));
  const openSummons = view.summonses.filter((s) => isSummonsOpen(s.status));

  if (stage === 'awaiting-dispatch' && anyCase('dispatch')) out.push('dispatch');
  if (stage === 'returned' && anyCase('redispatch')) out.push('redispatch');
  if (stage === 'dispatched') {
    if (asHolder('accept')) out.push('accept');
    if (asHolder('return')) out.push('return');
  }
  if (stage === 'in-handling') {
    if (view.level === 'community' && asHolder('escalate')) out.push('escalate');
    if (asHolder('summonDepartments')) out.push('summonDepartments');
    if (mySummonses.some((s) => s.status === 'summoned')) out.push('reportIn');
    if (mySummonses.some((s) => s.status === 'reported-in')) out.push('answer');
    if (mySummonses.some((s) => s.status === 'summoned' || s.status === 'reported-in')) out.push('refuse');
    if (view.summonses.some((s) => s.status === 'refusal-pending') && asHolder('decideRefusal')) out.push('decideRefusal');
    if (summonsesSettled && asHolder('resolve')) out.push('resolve');
    if (!view.pendingExtension && asHolder('requestExtension')) out.push('requestExtension');
    if (asHolder('suspend')) out.push('suspend');
  }
  // 撤回 any open summons before its answer; 解除 one whose department let its window run out (督办 followed)
  if ((stage === 'in-handling' || suspended) && openSummons.length > 0) {
    if (asHolder('withdrawSummons')) out.push('withdrawSummons');
    if (openSummons.some((s) => s.breached) && anyCase('releaseSummons')) out.push('releaseSummons');
  }
  if (suspended && asHolder('resume')) out.push('resume');
  if (view.pendingExtension && anyCase('decideExtension')) out.push('decideExtension');
  if (OPEN_STAGES.has(stage as CaseStage) && stage !== 'resolved' && stage !== 'under-review' && anyCase('issueSupervisionNotice')) out.push('issueSupervisionNotice');
  if ((stage === 'dispatched' || stage === 'in-handling') && anyCase('merge')) out.push('merge');
  if (stage === 'under-review' && anyCase('close') && supervises(role)) out.push('close');
  return out;
}
