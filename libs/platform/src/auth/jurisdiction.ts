import { ForbiddenException } from '@nestjs/common';
import { AuthUser, isWithinJurisdiction } from './auth-user';

/**
 * Throws unless the resource lies in the user's jurisdiction: 403, or — for resources whose very existence is
 * not everyone's business (cases, disputes) — the caller's own "not found", so ids cannot be probed.
 */
export function assertWithinJurisdiction(user: AuthUser, orgPath: readonly string[], departmentIds: readonly string[] = [], asIfMissing?: () => Error): void {
  if (isWithinJurisdiction(user, orgPath, departmentIds)) return;
  if (asIfMissing) throw asIfMissing();
  throw new ForbiddenException({ message: `不在您的管辖范围内 outside your jurisdiction (${user.unitId})` });
}
