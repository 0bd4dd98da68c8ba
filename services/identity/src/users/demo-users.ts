import { Role } from '@civicflow/contracts';

/**
 * One demo user per role in the demo city 北丰市 (ids as the grid service's demo dataset generates them).
 * Password for all: `civicflow`. Seeded only when IDENTITY_SEED_DEMO_USERS=true and the store is empty.
 */
export const DEMO_USERS: { username: string; name: string; role: Role; unitId: string }[] = [
  { username: 'operator', name: '王话务 (12345 operator)', role: 'operator', unitId: 'bf' },
  { username: 'dispatcher', name: '李派单 (dispatcher)', role: 'dispatcher', unitId: 'bf' },
  { username: 'gridworker', name: '张网格 (grid worker)', role: 'grid-worker', unitId: 'bf-d01-s01-c01-g01' },
  { username: 'community', name: '刘社区 (community handler)', role: 'community-handler', unitId: 'bf-d01-s01-c01' },
  { username: 'mediator', name: '陈调解 (mediator)', role: 'mediator', unitId: 'bf-d01-s01-c01' },
  { username: 'streetmediator', name: '吴调解 (street mediation centre)', role: 'mediator', unitId: 'bf-d01-s01' },
  { username: 'street', name: '赵街道 (street coordinator)', role: 'street-coordinator', unitId: 'bf-d01-s01' },
  { username: 'liaison', name: '孙城管 (urban management liaison)', role: 'department-liaison', unitId: 'dept-urban-management' },
  { username: 'supervisor', name: '周督查 (supervisor)', role: 'supervisor', unitId: 'bf' },
  { username: 'admin', name: '系统管理员 (admin)', role: 'admin', unitId: 'bf' },
];

export const DEMO_PASSWORD = 'civicflow';
