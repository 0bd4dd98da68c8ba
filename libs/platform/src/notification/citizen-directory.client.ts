import type { ServiceTokens } from '../auth/service-token';

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
  /** The calling service's own access token (its service identity, client credentials). */
  tokens: ServiceTokens;
  timeoutMs?: number;
}

/**
 * `PUT {notificationUrl}/api/v1/directory/citizens/:citizenRef`: a phone number goes point to point over HTTP to
 * the service that sends the SMS, and events only ever carry the ref (hotline callers, mediation parties). The
 * service calls as its own service identity; a refused token is fetched anew once.
 */
export class CitizenDirectoryClient implements CitizenDirectory {
  constructor(private readonly options: CitizenDirectoryClientOptions) {}

  async putCitizen(citizenRef: string, contact: { phone: string }): Promise<void> {
    let res = await this.put(citizenRef, contact);
    if (res.status === 401) {
      this.options.tokens.invalidate();
      res = await this.put(citizenRef, contact);
    }
    if (!res.ok) {
      const detail = (await res.text().catch(() => '')).slice(0, 300);
      throw new Error(`notification directory answered ${res.status}${detail ? `: ${detail}` : ''}`);
    }
  }

  private async put(citizenRef: string, contact: { phone: string }): Promise<Response> {
    return fetch(`${this.options.notificationUrl.replace(/\/+$/, '')}/api/v1/directory/citizens/${encodeURIComponent(citizenRef)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await this.options.tokens.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phone: contact.phone }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
  }
}
