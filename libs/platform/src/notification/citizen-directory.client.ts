import { ServiceBearer } from '../auth/service-bearer';

/** Nest injection token of a service's CitizenDirectory. */
export const CITIZEN_DIRECTORY = Symbol('CITIZEN_DIRECTORY');

/** Where a citizen's phone goes so that notices can reach them: the notification service's citizen directory. */
export interface CitizenDirectory {
  /** Registers (replaces) how to reach the citizen known by `citizenRef`; throws when the directory did not take it. */
  putCitizen(citizenRef: string, contact: { phone: string }): Promise<void>;
}

export interface CitizenDirectoryClientOptions {
  /** The notification service, e.g. http://127.0.0.1:3005. */
  notificationUrl: string;
  /** The calling service's account (role admin at the city unit): whose name the directory's write is made in. */
  serviceAccount: { userId: string; name: string; unitId: string };
  /** Signs a short-lived service token when no `token` is configured (the shared JWT secret). */
  jwtSecret: string;
  /** A token issued for the service, when the deployment hands one out instead of sharing the JWT secret. */
  token?: string;
  timeoutMs?: number;
}

/**
 * `PUT {notificationUrl}/api/v1/directory/citizens/:citizenRef`: a phone number goes point to point over HTTP to
 * the service that sends the SMS, and events only ever carry the ref (hotline callers, mediation parties). The
 * service authenticates as itself: the configured token, else one it signs with the shared secret, renewed
 * before it expires.
 */
export class CitizenDirectoryClient implements CitizenDirectory {
  private readonly bearer: ServiceBearer;

  constructor(private readonly options: CitizenDirectoryClientOptions) {
    this.bearer = new ServiceBearer({ account: options.serviceAccount, jwtSecret: options.jwtSecret, token: options.token });
  }

  async putCitizen(citizenRef: string, contact: { phone: string }): Promise<void> {
    const res = await fetch(`${this.options.notificationUrl.replace(/\/+$/, '')}/api/v1/directory/citizens/${encodeURIComponent(citizenRef)}`, {
      method: 'PUT',
      headers: { authorization: await this.bearer.header(), 'content-type': 'application/json' },
      body: JSON.stringify({ phone: contact.phone }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
    if (!res.ok) {
      const detail = (await res.text().catch(() => '')).slice(0, 300);
      throw new Error(`notification directory answered ${res.status}${detail ? `: ${detail}` : ''}`);
    }
  }
}
