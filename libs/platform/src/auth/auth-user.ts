import { Role } from '@civicflow/contracts';

/** The signed-in user, as the bearer token says. */
export interface AuthUser {
  userId: string;
  name: string;
  role: Role;
  /** Root of the user's jurisdiction: an org unit (city, district, street, community, grid) or a department. */
  unitId: string;
  /** The sign-in session the token belongs to (logout and deactivation revoke it); service tokens have none. */
  sessionId?: string;
  /** OAuth scopes of a service token. */
  scopes?: string[];
}

/**
 * A user may see and act on what lies inside their jurisdiction: the case's org path (city → … → grid)
 * passes through the user's unit, or the case involves the user's department.
 */
export function isWithinJurisdiction(user: AuthUser, orgPath: readonly string[], departmentIds: readonly string[] = []): boolean {
  return orgPath.includes(user.unitId) || departmentIds.includes(user.unitId);
}
