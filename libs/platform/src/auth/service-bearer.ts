import { signToken } from './tokens';

export interface ServiceBearerOptions {
  /** The calling service's account (role admin at the city unit): whose name its calls are made in. */
  account: { userId: string; name: string; unitId: string };
  /** Signs a short-lived service token when no `token` is configured (the shared JWT secret). */
  jwtSecret: string;
  /** A token issued for the service, when the deployment hands one out instead of sharing the JWT secret. */
  token?: string;
}

const TOKEN_TTL_S = 3_600;

/**
 * The `Authorization` value a service sends when it calls another service as itself: the configured token, else
 * one it signs with the shared secret, renewed before it expires.
 */
export class ServiceBearer {
  private signed?: { value: string; renewAt: number };

  constructor(private readonly options: ServiceBearerOptions) {}

  async header(): Promise<string> {
    return `Bearer ${await this.token()}`;
  }

  private async token(): Promise<string> {
    if (this.options.token) return this.options.token;
    if (this.signed && Date.now() < this.signed.renewAt) return this.signed.value;
    const value = await signToken({ ...this.options.account, role: 'admin' }, this.options.jwtSecret, `${TOKEN_TTL_S}s`);
    this.signed = { value, renewAt: Date.now() + (TOKEN_TTL_S * 1000) / 2 };
    return value;
  }
}
