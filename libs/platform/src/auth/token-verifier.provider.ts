import { OnModuleDestroy, Provider } from '@nestjs/common';
import { CONFIG } from '../config/config.module';
import type { ServiceConfig } from '../config/config';
import { RevokedSessions } from './revoked-sessions';
import { TokenVerifier } from './tokens';

/** A TokenVerifier as a service's config describes it (JWKS URL or inline keys, issuer, audience, claims, revocations). */
export function tokenVerifierFor(config: ServiceConfig, revoked?: RevokedSessions): TokenVerifier {
  return new TokenVerifier({
    jwksUrl: config.JWT_JWKS_URL,
    publicKeys: config.JWT_PUBLIC_KEYS,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: config.JWT_ALGORITHMS.split(',').filter(Boolean),
    claims: { role: config.JWT_ROLE_CLAIM, unit: config.JWT_UNIT_CLAIM, name: config.JWT_NAME_CLAIM },
    revoked,
  });
}

/** The revocation list poller, stopped with the app. */
class RevokedSessionsLifecycle implements OnModuleDestroy {
  constructor(readonly list: RevokedSessions | undefined) {}
  onModuleDestroy(): void {
    this.list?.stop();
  }
}

/** Providers of a service's TokenVerifier and its revocation poller (when JWT_REVOCATION_URL is set). */
export const tokenVerifierProviders: Provider[] = [
  {
    provide: RevokedSessionsLifecycle,
    inject: [CONFIG],
    useFactory: (config: ServiceConfig) => {
      if (!config.JWT_REVOCATION_URL) return new RevokedSessionsLifecycle(undefined);
      const list = new RevokedSessions({ url: config.JWT_REVOCATION_URL, pollMs: config.JWT_REVOCATION_POLL_MS });
      void list.start();
      return new RevokedSessionsLifecycle(list);
    },
  },
  {
    provide: TokenVerifier,
    inject: [CONFIG, RevokedSessionsLifecycle],
    useFactory: (config: ServiceConfig, revoked: RevokedSessionsLifecycle) => tokenVerifierFor(config, revoked.list),
  },
];
