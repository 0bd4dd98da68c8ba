// Translation between the domain's words (camelCase, libs/domain) and the wire's (kebab-case, libs/contracts).
// Pure and deterministic: imported by workflow code.
import type { CaseLevel, CaseStage, Role as WireRole, SlaWindowWire } from '@civicflow/contracts';
import type { CaseState, ClosureReason, IntakeChannel, Role, Satisfaction, SlaWindowName, SummonsStatus } from '@civicflow/domain';
import type { CaseChannel } from './case.contract';

const ROLES: Readonly<Record<Exclude<WireRole, 'admin'>, Role>> = {
  operator: 'operator',
  dispatcher: 'dispatcher',
  'grid-worker': 'gridWorker',
  'community-handler': 'communityHandler',
  mediator: 'mediator',
  'street-coordinator': 'streetCoordinator',
  'department-liaison': 'departmentLiaison',
  supervisor: 'supervisor',
};

/** The domain role of a signed-in user; undefined for roles that never act on cases (admin) or unknown ones. */
export function domainRole(role: string): Role | undefined {
  return Object.prototype.hasOwnProperty.call(ROLES, role) ? ROLES[role as keyof typeof ROLES] : undefined;
}

/** The wire spelling of a domain role ('system' stays 'system'). */
export function wireRole(role: Role): string {
  const found = Object.entries(ROLES).find(([, domain]) => domain === role);
  return found ? found[0] : role;
}

const CHANNELS: Readonly<Record<CaseChannel, IntakeChannel>> = { hotline: 'hotline', app: 'app', patrol: 'gridPatrol', open311: 'web' };

export function domainChannel(channel: CaseChannel): IntakeChannel {
  return CHANNELS[channel] ?? 'hotline';
}

const WINDOWS: Readonly<Record<SlaWindowName, SlaWindowWire>> = {
  acceptance: 'acceptance',
  communityHandling: 'community-handling',
  streetHandling: 'street-handling',
  departmentReportIn: 'department-report-in',
  departmentAnswer: 'department-answer',
  callback: 'callback',
  mediation: 'mediation',
};

export function wireWindow(window: SlaWindowName): SlaWindowWire {
  return WINDOWS[window];
}

/**
 * The rung of the ladder: the domain's level, or 督办 once a supervision notice was issued on the case (a
 * supervisor's own or the workflow's on a breach at the street or a department).
 */
export function wireLevel(state: CaseState): CaseLevel | null {
  if (state.level === null) return null;
  if (state.supervisionNotices.length > 0) return 'supervision';
  return state.level === 'departments' ? 'department' : state.level;
}

export function wireStage(state: CaseState): CaseStage {
  switch (state.status) {
    case 'new':
    case 'registered':
      return 'registered';
    case 'classified':
      return 'awaiting-dispatch';
    case 'dispatched':
      return 'dispatched';
    case 'returned':
      return 'returned';
    case 'inHandling':
      return 'in-handling';
    case 'suspended':
      return 'suspended';
    case 'resolved':
      return 'resolved';
    case 'calledBack':
      return 'called-back';
    case 'underReview':
      return 'under-review';
    case 'closed':
      return 'closed';
    case 'merged':
      return 'merged';
  }
}

const SATISFACTION: Readonly<Record<'satisfied' | 'basically-satisfied' | 'unsatisfied', Satisfaction>> = {
  satisfied: 'satisfied',
  'basically-satisfied': 'basicallySatisfied',
  unsatisfied: 'dissatisfied',
};

export function domainSatisfaction(value: string | undefined): Satisfaction | undefined {
  return value !== undefined && Object.prototype.hasOwnProperty.call(SATISFACTION, value) ? SATISFACTION[value as keyof typeof SATISFACTION] : undefined;
}

export function wireSatisfaction(value: Satisfaction): 'satisfied' | 'basically-satisfied' | 'unsatisfied' {
  return value === 'basicallySatisfied' ? 'basically-satisfied' : value === 'dissatisfied' ? 'unsatisfied' : 'satisfied';
}

export function wireClosureReason(reason: ClosureReason): 'callback-completed' | 'callback-unreachable' | 'direct-answer' | 'supervisor-decision' {
  const map = { callbackCompleted: 'callback-completed', callbackUnreachable: 'callback-unreachable', directAnswer: 'direct-answer', supervisorDecision: 'supervisor-decision' } as const;
  return map[reason];
}

export function wireSummonsStatus(status: SummonsStatus): 'summoned' | 'reported-in' | 'refusal-pending' | 'answered' | 'released' {
  const map = { summoned: 'summoned', reportedIn: 'reported-in', refusalPending: 'refusal-pending', answered: 'answered', released: 'released' } as const;
  return map[status];
}

/** Workflow id of a department's summons (child workflow): `<caseNumber>:summons:<department>:<n>`. */
export function summonsWorkflowId(caseNumber: string, departmentId: string, n: number): string {
  return `${caseNumber}:summons:${departmentId}:${n}`;
}
