import { z } from 'zod';
import { localSecret } from '../config/config';

/** Where a service gets its own access token (OAuth 2.0 client credentials): identity's token endpoint, or a city IdP's. */
export const serviceTokenUrlSchema = z.url().default('http://127.0.0.1:3010/api/v1/auth/token');

/**
 * The development client secrets of the service identities (identity knows them all, each service its own).
 * Published here, so `loadConfig` refuses them outside native mode.
 */
export const DEVELOPMENT_CLIENT_SECRETS = {
  hotline: 'local-development-hotline-client-secret-000000',
  intake: 'local-development-intake-client-secret-0000000',
  mediation: 'local-development-mediation-client-secret-00000',
  notification: 'local-development-notification-client-secret-0',
  casework: 'local-development-casework-client-secret-0000000',
} as const;
export type ServiceClientName = keyof typeof DEVELOPMENT_CLIENT_SECRETS;

/** A service's client secret setting (`<SERVICE>_CLIENT_SECRET`), its development value native only. */
export const clientSecretSchema = (service: ServiceClientName) => localSecret(DEVELOPMENT_CLIENT_SECRETS[service]);

/** The service identity's client id: `svc-<service>`. */
export const serviceClientId = (service: ServiceClientName) => `svc-${service}`;

export interface ServiceTokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for. */
  scope?: string;
  timeoutMs?: number;
}

/** Something that hands out a bearer token for the calling service. */
export interface ServiceTokens {
  token(): Promise<string>;
  /** Drops a cached token the other side refused (e.g. after a key rotation). */
  invalidate(): void;
}

/**
 * A service's own access token by the OAuth 2.0 client-credentials grant (RFC 6749 §4.4, client authenticated
 * with HTTP Basic), kept until shortly before it expires. The token names the service (role `service`), never a
 * person, and the routes that accept it say so.
 */
export class ServiceTokenSource implements ServiceTokens {
  private cached?: { value: string; renewAt: number };
  private pending?: Promise<string>;

  constructor(private readonly options: ServiceTokenSourceOptions) {}

  async token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return this.cached.value;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const basic = Buffer.from(`${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`).toString('base64');
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...(this.options.scope ? { scope: this.options.scope } : {}) });
    const res = await fetch(this.options.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
    if (!res.ok) throw new Error(`token endpoint answered ${res.status} for ${this.options.clientId}`);
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('token endpoint answered without an access_token');
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60) * 1000;
    this.cached = { value: body.access_token, renewAt: Date.now() + lifetimeMs * 0.8 };
    return body.access_token;
  }
}
