import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@civicflow/contracts';
import { roleNames } from '@civicflow/domain';
import { AuthUser } from './auth-user';
import { ALLOWED_ROLES, PUBLIC_ROUTE, SERVICE_SCOPE } from './auth.decorators';
import { InvalidTokenError, TokenVerifier } from './tokens';

/** The 401 body for a refused token: our own words, never the JWT library's. */
export function unauthorized(error: InvalidTokenError | 'missing'): UnauthorizedException {
  if (error === 'missing') return new UnauthorizedException({ message: '缺少登录凭证 missing bearer token' });
  if (error.reason === 'expired') return new UnauthorizedException({ message: '登录已过期,请重新登录 token expired' });
  if (error.reason === 'revoked') return new UnauthorizedException({ message: '登录已失效,请重新登录 session ended' });
  return new UnauthorizedException({ message: '登录凭证无效 invalid token' });
}

/** The bearer token of an Authorization header, if it has one. Tokens are taken from this header only, never from a URL. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const [scheme, token, extra] = (authorization ?? '').trim().split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && token && extra === undefined ? token : undefined;
}

/**
 * Every HTTP route needs a valid bearer token unless marked @Public(); @Roles narrows who may call it.
 * A service identity (role `service`) passes only routes marked @ServiceScope, with that scope in its token: it
 * is not a user, and never stands in for one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // Kafka handlers trust the bus, not bearer tokens
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) throw unauthorized('missing');
    try {
      request.user = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized(error);
      throw error;
    }
    if (request.user.role === 'service') {
      const scope = this.reflector.getAllAndOverride<string | undefined>(SERVICE_SCOPE, targets);
      if (scope && request.user.scopes?.includes(scope)) return true;
      throw new ForbiddenException({ message: `服务账号无权执行此操作 this service identity may not call this route${scope ? ` (needs scope ${scope})` : ''}` });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      const [who, allowed] = [roleNames([request.user.role]), roleNames(roles)];
      throw new ForbiddenException({ message: `${who.zh}无权执行此操作（仅限${allowed.zh}） a ${who.en} may not do this; allowed: ${allowed.en}` });
    }
    return true;
  }
}
