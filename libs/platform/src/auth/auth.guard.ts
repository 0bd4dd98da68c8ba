import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@civicflow/contracts';
import { roleNames } from '@civicflow/domain';
import { AuthUser } from './auth-user';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { InvalidTokenError, TokenVerifier } from './tokens';

/** Every HTTP route needs a valid bearer token unless marked @Public(); @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // Kafka handlers trust the bus, not bearer tokens
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException({ message: '缺少登录凭证 missing bearer token' });
    }
    try {
      request.user = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException({ message: `登录凭证无效 invalid token: ${error.message}` });
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      const [who, allowed] = [roleNames([request.user.role]), roleNames(roles)];
      throw new ForbiddenException({ message: `${who.zh}无权执行此操作（仅限${allowed.zh}） a ${who.en} may not do this; allowed: ${allowed.en}` });
    }
    return true;
  }
}
