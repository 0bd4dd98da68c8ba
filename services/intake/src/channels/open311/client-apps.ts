import { createHash, createHmac } from 'node:crypto';
import { z } from 'zod';
import { ConfigError, InfraMode, localSecret } from '@civicflow/platform';

/**
 * Client apps: software outside CivicFlow that submits requests for residents — Open311 clients and the resident
 * apps of 一键报事. Each is registered by an API key, so a key can be revoked, and every case it submits says which
 * app it came from. Residents themselves are not CivicFlow users: their app signs them in (WeChat, SMS code) and
 * vouches for them with its key.
 */
export const clientAppsConfigSchema = z.object({
  /**
   * `key:app-name[:scope+scope]`, comma-separated; scopes `open311` and `app` (app reports), both when omitted.
   * Two keys may name the same app, so a key can be rotated without downtime.
   */
  INTAKE_API_KEYS: z.string().optional(),
  /** Secret for the keyed hash (HMAC) that pseudonymises reporters' ids (32+ chars). Required outside native mode. */
  INTAKE_REPORTER_KEY: localSecret('local-development-reporter-key-change-me-000'),
});

export type ClientScope = 'open311' | 'app';
const SCOPES: readonly ClientScope[] = ['open311', 'app'];

export interface ClientApp {
  /** Goes into source refs and reporter refs, so it is restricted to characters that are safe there. */
  name: string;
  scopes: readonly ClientScope[];
}

/** The key that works when no keys are configured and the servers are local (npm start, tests). */
export const DEMO_API_KEY = 'civicflow-demo-key';
const DEMO_CLIENT = `${DEMO_API_KEY}:demo-app`;

const KEY_PATTERN = /^[A-Za-z0-9._~-]{16,200}$/;
const NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

const fingerprint = (key: string) => createHash('sha256').update(key).digest('hex');

export class ClientAppRegistry {
  /**
   * Keyed by the sha256 of each key: a lookup compares hashes of what the caller sent, so its timing says nothing
   * about any real key, and the keys themselves are not kept in memory dumps longer than parsing takes.
   */
  private constructor(private readonly byFingerprint: ReadonlyMap<string, ClientApp>) {}

  /** Parses `INTAKE_API_KEYS`; when it is unset, local servers get the demo key and real clusters get none. */
  static fromConfig(spec: string | undefined, infra: InfraMode): ClientAppRegistry {
    if (spec === undefined) return ClientAppRegistry.parse(infra === 'native' ? DEMO_CLIENT : '');
    const registry = ClientAppRegistry.parse(spec);
    if (infra !== 'native' && (registry.find(DEMO_API_KEY, 'open311') ?? registry.find(DEMO_API_KEY, 'app'))) {
      throw new ConfigError('INTAKE_API_KEYS', `lists the published demo key ${DEMO_API_KEY}; demo keys work only in native mode`);
    }
    return registry;
  }

  static parse(spec: string): ClientAppRegistry {
    const apps = new Map<string, ClientApp>();
    const entries = spec.split(',').map((e) => e.trim()).filter(Boolean);
    entries.forEach((entry, index) => {
      const fail = (reason: string): never => {
        throw new ConfigError('INTAKE_API_KEYS', `entry ${index + 1}: ${reason} (expected key:app-name[:open311+app])`);
      };
      const [key, name, scopeList, ...rest] = entry.split(':');
      if (rest.length > 0 || name === undefined) fail('needs key:app-name, with at most one more :scopes part');
      if (!KEY_PATTERN.test(key)) fail('the key must be 16–200 characters of A–Z a–z 0–9 . _ ~ -');
      if (!NAME_PATTERN.test(name)) fail(`app name "${name}" must be 1–64 characters of A–Z a–z 0–9 . _ -`);
      const scopes = scopeList === undefined ? [...SCOPES] : scopeList.split('+');
      const unknown = scopes.find((s) => !SCOPES.includes(s as ClientScope));
      if (unknown !== undefined) fail(`unknown scope "${unknown}"; scopes are ${SCOPES.join(', ')}`);
      const id = fingerprint(key);
      if (apps.has(id)) fail('the same key is listed twice');
      apps.set(id, { name, scopes: scopes as ClientScope[] });
    });
    return new ClientAppRegistry(apps);
  }

  get size(): number {
    return this.byFingerprint.size;
  }

  /** The app a key belongs to, if the key is registered for this scope. */
  find(key: string | undefined, scope: ClientScope): ClientApp | undefined {
    if (!key) return undefined;
    const app = this.byFingerprint.get(fingerprint(key));
    return app?.scopes.includes(scope) ? app : undefined;
  }
}

/**
 * A stable pseudonym for a reporter: `<app>:<HMAC of the app's id for them>`. Intake can tell that two reports come
 * from the same person (and the merge step can tell the app whom to inform) without keeping anyone's account id,
 * phone number or e-mail address.
 */
export class ReporterPseudonyms {
  constructor(private readonly secret: string) {}

  of(app: ClientApp, reporterId: string): string {
    const digest = createHmac('sha256', this.secret).update(`${app.name}\n${reporterId.trim()}`).digest('hex');
    return `${app.name}:${digest.slice(0, 32)}`;
  }
}
