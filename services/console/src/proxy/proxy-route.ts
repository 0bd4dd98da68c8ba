import { UPSTREAM_SERVICES, UpstreamService } from '../upstream/upstream-services';

export interface ProxyRoute {
  service: UpstreamService;
  /** path and query on the upstream: /api/v1/… */
  upstreamPath: string;
}

const SERVICES: ReadonlySet<string> = new Set(UPSTREAM_SERVICES);

/**
 * Maps a gateway URL onto its service: `/api/<service>/<path>?<query>` → `/api/v1/<path>?<query>`. Undefined for
 * anything else (the gateway's own routes, the web app) and for paths that would climb out of /api/v1 (`..`).
 * Tokens travel in the Authorization header only: a URL ends up in logs and browser history.
 */
export function mapProxyRoute(url: string): ProxyRoute | undefined {
  const match = /^\/api\/([a-z]+)(\/[^?#]*)?(\?[^#]*)?$/.exec(url);
  if (!match || !SERVICES.has(match[1])) return undefined;
  const service = match[1] as UpstreamService;
  const rest = match[2] ?? '';
  const upstreamPathname = `/api/v1${rest}`;
  // dot segments (also percent-encoded ones) must not lead outside the service's /api/v1
  const normalised = new URL(upstreamPathname, 'http://upstream').pathname;
  if (normalised !== '/api/v1' && !normalised.startsWith('/api/v1/')) return undefined;
  return { service, upstreamPath: `${normalised}${match[3] ?? ''}` };
}
