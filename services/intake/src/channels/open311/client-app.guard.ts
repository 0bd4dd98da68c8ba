import { CanActivate, createParamDecorator, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ClientApp, ClientAppRegistry, ClientScope } from './client-apps';

const CLIENT_SCOPE = 'civicflow:client-scope';

/**
 * The route is for client apps with a key of this scope, not for staff tokens (mark it @Public() too, so the bearer
 * guard lets it through to this one).
 */
export const ForClientApps = (scope: ClientScope) => SetMetadata(CLIENT_SCOPE, scope);

interface ClientRequest {
  headers: Record<string, string | string[] | undefined>;
  query?: Record<string, unknown>;
  body?: unknown;
  clientApp?: ClientApp;
}

/** The key from the `X-Api-Key` (or `api_key`) header, or Open311's `api_key` parameter (query, form, multipart or JSON body). */
export function apiKeyOf(request: ClientRequest): string | undefined {
  for (const name of ['x-api-key', 'api_key']) {
    const header = request.headers[name];
    if (typeof header === 'string' && header.trim()) return header.trim();
  }
  const fromBody = (request.body as Record<string, unknown> | undefined)?.api_key;
  if (typeof fromBody === 'string' && fromBody.trim()) return fromBody.trim();
  const fromQuery = request.query?.api_key;
  return typeof fromQuery === 'string' && fromQuery.trim() ? fromQuery.trim() : undefined;
}

/** The app a key belongs to, or 403: an unknown key and a key of another scope are refused alike. */
export function requireClientApp(apps: ClientAppRegistry, key: string | undefined, scope: ClientScope): ClientApp {
  const app = apps.find(key, scope);
  if (app) return app;
  throw new ForbiddenException({
    message: key
      ? `api_key 无效或未获 ${scope} 授权 invalid api_key, or not registered for ${scope}`
      : '缺少 api_key(X-Api-Key 请求头或 api_key 参数) missing api_key (X-Api-Key header or api_key parameter)',
  });
}

/**
 * Checks the client app's key before anything else reads the request — in particular before the photo upload
 * interceptor buffers several megabytes for a caller nobody knows. Guards run before interceptors.
 */
@Injectable()
export class ClientAppGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly apps: ClientAppRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const scope = this.reflector.getAllAndOverride<ClientScope | undefined>(CLIENT_SCOPE, [context.getHandler(), context.getClass()]);
    if (!scope) return true;
    const request = context.switchToHttp().getRequest<ClientRequest>();
    request.clientApp = requireClientApp(this.apps, apiKeyOf(request), scope);
    return true;
  }
}

/** The client app the guard recognised. */
export const CurrentClientApp = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientApp => {
  const app = ctx.switchToHttp().getRequest<ClientRequest>().clientApp;
  if (!app) throw new Error('CurrentClientApp on a route without ForClientApps');
  return app;
});
