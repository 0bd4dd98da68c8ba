import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, signToken } from '@civicflow/platform';
import { MediationConfig } from '../../config';

/** Where a party's phone goes so that notices can reach them: the notification service's citizen directory. */
export interface CitizenDirectory {
  /** Registers (replaces) how to reach the citizen known by `citizenRef`; throws when the directory did not take it. */
  putCitizen(citizenRef: string, contact: { phone: string }): Promise<void>;
}
export const CITIZEN_DIRECTORY = Symbol('CITIZEN_DIRECTORY');

/** The service account the mediation service calls the notification service as (see MEDIATION_NOTIFICATION_TOKEN). */
export const SERVICE_ACCOUNT = { userId: 'svc-mediation', name: '矛盾调解服务 mediation service', role: 'admin' as const };

const TIMEOUT_MS = 5_000;
const TOKEN_TTL_S = 3_600;

/**
 * `PUT {NOTIFICATION_URL}/api/v1/directory/citizens/:citizenRef` — the same route and trust model the hotline's
 * callers use: the number goes point to point over HTTP to the service that sends the SMS, and the events only
 * ever carry the ref. Authenticated as a service: MEDIATION_NOTIFICATION_TOKEN when configured, else a
 * short-lived token signed here with the shared JWT_SECRET for the account `svc-mediation` (role admin, the
 * city unit), renewed before it expires.
 */
@Injectable()
export class NotificationDirectoryClient implements CitizenDirectory {
  private token?: { value: string; renewAt: number };

  constructor(@Inject(CONFIG) private readonly config: MediationConfig) {}

  async putCitizen(citizenRef: string, contact: { phone: string }): Promise<void> {
    const res = await fetch(`${this.config.NOTIFICATION_URL}/api/v1/directory/citizens/${encodeURIComponent(citizenRef)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await this.bearer()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phone: contact.phone }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) {
      const detail = (await res.text().catch(() => '')).slice(0, 300);
      throw new Error(`notification directory answered ${res.status}${detail ? `: ${detail}` : ''}`);
    }
  }

  private async bearer(): Promise<string> {
    if (this.config.MEDIATION_NOTIFICATION_TOKEN) return this.config.MEDIATION_NOTIFICATION_TOKEN;
    if (this.token && Date.now() < this.token.renewAt) return this.token.value;
    const value = await signToken({ ...SERVICE_ACCOUNT, unitId: this.config.MEDIATION_CITY_UNIT_ID }, this.config.JWT_SECRET, `${TOKEN_TTL_S}s`);
    this.token = { value, renewAt: Date.now() + (TOKEN_TTL_S * 1000) / 2 };
    return value;
  }
}
