import type { Bilingual } from '../shared/bilingual';
import type { CaseCommandName } from './case-commands';
import type { HandlingRung } from './case-words';
import { reader } from './spelling';

/** How far a role's power over a case command reaches (always inside the user's jurisdiction). */
export type Reach =
  | 'any-case' // any case: the dispatcher's 派单, a supervisor's 督办
  | 'held-case' // a case the user's own unit holds (承办), at a rung the role handles
  | 'own-department'; // the user's own department, while it is summoned (报到, 答复)

/** The console's working screens; a role's first screen is where it lands after login. */
export type Screen = 'call' | 'callbacks' | 'dispatch' | 'worklist' | 'mediation' | 'figures' | 'breaches' | 'calendar' | 'reports' | 'policy';

export interface RoleDefinition extends Bilingual {
  /**
   * The rungs at which the role's staff handle the case their unit holds — 签收, 退单, 升级, 办结, 挂起,
   * 恢复, 延期 (HANDLING_COMMANDS): every case there, or its disputes only.
   */
  readonly handles?: Readonly<Partial<Record<HandlingRung, 'every-case' | 'disputes'>>>;
  /** Further case commands the role may send, and how far each reaches. */
  readonly commands?: Readonly<Partial<Record<CaseCommandName, Reach>>>;
  /** 督查: sees every case move (live stream, worklists), not only those its unit holds, and decides the closure of a case its citizen stayed unsatisfied with. */
  readonly supervises?: boolean;
  /** Works disputes (调解): sessions, agreements, follow-ups. */
  readonly mediates?: boolean;
  readonly screens: readonly Screen[];
}

const DEPARTMENT_WORK = { reportIn: 'own-department', refuse: 'own-department', answer: 'own-department' } as const;

/**
 * 角色: who uses CivicFlow and what each may do — the one table of roles and powers. The workflow's guards,
 * casework's command policy, the console's buttons, screens and live stream, tokens and event schemas all
 * read it, so a new role is one entry here. The domain still decides the rest (the right unit, the right
 * department, the right stage) and answers 409 with its reason.
 */
export const ROLE_DEFINITIONS = {
  operator: {
    zh: '话务员',
    en: 'hotline operator',
    commands: {
      register: 'any-case',
      classify: 'any-case',
      answerDirectly: 'any-case',
      dispatch: 'any-case',
      merge: 'any-case',
      attachDuplicate: 'any-case',
      recordCallback: 'any-case',
      reopen: 'any-case',
      close: 'any-case', // after the callback settles it; a case under review needs a supervisor
    },
    screens: ['call', 'callbacks'],
  },
  dispatcher: {
    zh: '派单员',
    en: 'dispatcher',
    commands: { classify: 'any-case', dispatch: 'any-case', redispatch: 'any-case', merge: 'any-case', attachDuplicate: 'any-case', reopen: 'any-case' },
    screens: ['dispatch', 'worklist'],
  },
  'grid-worker': {
    zh: '网格员',
    en: 'grid worker',
    handles: { community: 'every-case' },
    commands: { register: 'any-case' }, // 巡查上报
    screens: ['worklist'],
  },
  'community-handler': { zh: '社区工作人员', en: 'community handler', handles: { community: 'every-case' }, screens: ['worklist'] },
  mediator: {
    zh: '调解员',
    en: 'mediator',
    // the community's 人民调解委员会; the street's 矛盾调解中心 takes the disputes that reach the street
    handles: { community: 'every-case', street: 'disputes' },
    mediates: true,
    screens: ['mediation', 'worklist'],
  },
  'street-coordinator': {
    zh: '街道工作人员',
    en: 'street coordinator',
    handles: { street: 'every-case' },
    commands: { summonDepartments: 'held-case', decideRefusal: 'held-case', withdrawSummons: 'held-case' }, // 吹哨, 裁决, 撤回
    screens: ['worklist'],
  },
  'department-liaison': { zh: '部门联络员', en: 'department liaison', commands: DEPARTMENT_WORK, screens: ['worklist'] },
  supervisor: {
    zh: '督查员',
    en: 'supervisor',
    commands: {
      redispatch: 'any-case',
      merge: 'any-case',
      attachDuplicate: 'any-case',
      escalate: 'any-case',
      suspend: 'any-case',
      resume: 'any-case',
      decideRefusal: 'any-case',
      withdrawSummons: 'any-case',
      releaseSummons: 'any-case', // 解除: a department silent past its window and 督办
      decideExtension: 'any-case',
      issueSupervisionNotice: 'any-case',
      reopen: 'any-case',
      close: 'any-case',
    },
    supervises: true,
    mediates: true,
    screens: ['figures', 'breaches', 'reports', 'worklist', 'calendar'],
  },
  admin: { zh: '系统管理员', en: 'administrator', screens: ['figures', 'breaches', 'reports', 'worklist', 'calendar', 'policy'] }, // calendars, taxonomy, users
  // 服务账号: one CivicFlow service calling another (client credentials at identity), never a person: no case
  // powers, no screens; it passes only the routes marked with its scope (@ServiceScope in libs/platform)
  service: { zh: '服务账号', en: 'service identity', screens: [] },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof ROLE_DEFINITIONS;
/** Every role, in the table's order. */
export const ROLES = Object.keys(ROLE_DEFINITIONS) as [Role, ...Role[]];

/** Who acted: a signed-in user's role, or 'system' for the workflow itself (router, timers). */
export type ActorRole = Role | 'system';

export const ROLE_LABELS: Readonly<Record<ActorRole, Bilingual>> = {
  ...(Object.fromEntries(ROLES.map((role) => [role, { zh: ROLE_DEFINITIONS[role].zh, en: ROLE_DEFINITIONS[role].en }])) as Record<Role, Bilingual>),
  system: { zh: '系统', en: 'system' },
};

/** Roles by name, for a refusal people read: 督查员、系统管理员 / supervisor, administrator (a word that is no role as it is). */
export function roleNames(roles: readonly string[]): Bilingual {
  const labels = roles.map((role) => {
    const known = readActorRole(role);
    return known ? ROLE_LABELS[known] : { zh: role, en: role };
  });
  return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
}

/** The definition of a role; undefined for 'system' and for words that are no role. */
export function roleDefinition(role: string): RoleDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(ROLE_DEFINITIONS, role) ? (ROLE_DEFINITIONS as Record<string, RoleDefinition>)[role] : undefined;
}

/** The domain once wrote gridWorker, communityHandler, streetCoordinator and departmentLiaison. */
export const readRole = reader(ROLES, {
  gridWorker: 'grid-worker',
  communityHandler: 'community-handler',
  streetCoordinator: 'street-coordinator',
  departmentLiaison: 'department-liaison',
});

/** An actor's role as recorded anywhere (user or system), in the one spelling. */
export function readActorRole(value: unknown): ActorRole | undefined {
  return value === 'system' ? 'system' : readRole(value);
}

/** The roles the console shows a screen to: the APIs behind the screen let at least these in. */
export function rolesWithScreen(screen: Screen): Role[] {
  return ROLES.filter((role) => (ROLE_DEFINITIONS[role].screens as readonly Screen[]).includes(screen));
}

/** Where the role lands after login. */
export function homeScreenOf(role: string): Screen {
  return roleDefinition(role)?.screens[0] ?? 'worklist';
}
