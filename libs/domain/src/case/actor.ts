import type { Bilingual } from '../shared/bilingual';

/** Who does what all day (see the design brief); 'system' is the workflow itself (router, timers). */
export type Role =
  | 'operator' // 话务员
  | 'dispatcher' // 派单员
  | 'gridWorker' // 网格员
  | 'communityHandler' // 社区工作人员
  | 'mediator' // 调解员
  | 'streetCoordinator' // 街道
  | 'departmentLiaison' // 部门联络员
  | 'supervisor' // 督查员
  | 'system'; // 系统

export const ROLE_LABELS: Readonly<Record<Role, Bilingual>> = {
  operator: { zh: '话务员', en: 'hotline operator' },
  dispatcher: { zh: '派单员', en: 'dispatcher' },
  gridWorker: { zh: '网格员', en: 'grid worker' },
  communityHandler: { zh: '社区工作人员', en: 'community handler' },
  mediator: { zh: '调解员', en: 'mediator' },
  streetCoordinator: { zh: '街道工作人员', en: 'street coordinator' },
  departmentLiaison: { zh: '部门联络员', en: 'department liaison' },
  supervisor: { zh: '督查员', en: 'supervisor' },
  system: { zh: '系统', en: 'system' },
};

/** The acting user, their role and the org unit they act for. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly unitId: string;
}
