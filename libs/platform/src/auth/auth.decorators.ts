import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '@civicflow/contracts';
import { AuthUser } from './auth-user';

export const PUBLIC_ROUTE = 'civicflow:public';
export const ALLOWED_ROLES = 'civicflow:roles';
export const SERVICE_SCOPE = 'civicflow:service-scope';

/** No token needed (health, API docs, public Open311 discovery). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/**
 * A service identity (role `service`) may call the route when its token carries this scope; people keep the
 * route's @Roles. Service identities pass nowhere else.
 */
export const ServiceScope = (scope: string) => SetMetadata(SERVICE_SCOPE, scope);

/** The signed-in user of the request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
