import { z } from 'zod';
import { clientSecretSchema, demoSwitch, DEVELOPMENT_SIGNING_KEY, localSecret, serviceConfigSchema } from '@civicflow/platform';

const duration = z.string().regex(/^\d+[smhd]$/, 'like 10m, 12h or 30d');

/**
 * Identity checks the tokens sent to it (the admin API, logout) with its own key and its own session store, so it
 * needs none of the settings that point the other services at it.
 */
export const identityConfigSchema = serviceConfigSchema.omit({ JWT_JWKS_URL: true, JWT_PUBLIC_KEYS: true, JWT_REVOCATION_URL: true, JWT_REVOCATION_POLL_MS: true }).extend({
  IDENTITY_PORT: z.coerce.number().int().min(1).max(65535).default(3010),
  /** Where identity is reached from outside (the OIDC discovery document's endpoints). */
  IDENTITY_PUBLIC_URL: z.url().optional(),
  /** One demo user per role (password `civicflow`) when the user store is empty. Native mode only. */
  IDENTITY_SEED_DEMO_USERS: demoSwitch(),
  /**
   * The private key access tokens are signed with: a PKCS#8 PEM of an Ed25519 (EdDSA), RSA ≥ 2048 (RS256) or P-256
   * (ES256) key, e.g. `openssl genpkey -algorithm ed25519`. Its public half is served at /.well-known/jwks.json.
   * The default is the published development key: native mode only.
   */
  IDENTITY_SIGNING_KEY: localSecret(DEVELOPMENT_SIGNING_KEY),
  /** Access tokens are short-lived; a session goes on by refresh tokens, each used once. */
  IDENTITY_ACCESS_TOKEN_TTL: duration.default('10m'),
  /** How long a sign-in lasts without activity (each refresh renews it). */
  IDENTITY_REFRESH_TOKEN_TTL: duration.default('12h'),
  /** Service identities' tokens (client credentials). */
  IDENTITY_SERVICE_TOKEN_TTL: duration.default('10m'),
  /** Client secrets of the service identities identity issues tokens to (each service holds its own). */
  HOTLINE_CLIENT_SECRET: clientSecretSchema('hotline'),
  INTAKE_CLIENT_SECRET: clientSecretSchema('intake'),
  MEDIATION_CLIENT_SECRET: clientSecretSchema('mediation'),
  NOTIFICATION_CLIENT_SECRET: clientSecretSchema('notification'),
  CASEWORK_CLIENT_SECRET: clientSecretSchema('casework'),
  /** Wrong passwords in a row before a user name is locked for a while (temporary lockout, audited). */
  IDENTITY_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  IDENTITY_LOCKOUT_MS: z.coerce.number().int().min(1_000).default(15 * 60_000),
  /** Login attempts per minute from one client address (all names together). */
  IDENTITY_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Which proxies' X-Forwarded-For to believe for the client address (Express `trust proxy`): the console gateway, an ingress. */
  IDENTITY_TRUST_PROXY: z.string().min(1).default('loopback, uniquelocal'),
  /**
   * Creates the administrator `admin` with this password when no active admin exists (first start of a real
   * deployment). At least 12 characters; change it after the first sign-in.
   */
  IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  /** The root of the org tree: the bootstrap administrator's unit. */
  IDENTITY_CITY_UNIT_ID: z.string().min(1).default('bf'),
});
export type IdentityConfig = z.infer<typeof identityConfigSchema>;

/** A duration like 10m in seconds. */
export function seconds(duration: string): number {
  const amount = Number(duration.slice(0, -1));
  return amount * { s: 1, m: 60, h: 3600, d: 86_400 }[duration.slice(-1) as 's' | 'm' | 'h' | 'd'];
}
