import { ForbiddenException } from '@nestjs/common';
import { AuthUser, isWithinJurisdiction } from './auth-user';

/** Throws 403 unless the resource lies in the user's jurisdiction. */
export function assertWithinJurisdiction(user: AuthUser, orgPath: readonly string[], departmentIds: readonly string[] = []): void {
  if (!isWithinJurisdiction(user, orgPath, departmentIds)) {
    throw new ForbiddenException({ message: `不在您的管辖范围内 outside your jurisdiction (${user.unitId})` });
  }
}
