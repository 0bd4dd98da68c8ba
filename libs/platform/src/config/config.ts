import { z } from 'zod';
import { DEVELOPMENT_PUBLIC_JWKS } from '../auth/development-keys';

/** Where the infrastructure comes from: servers this repo starts itself, testcontainers, or real clusters. */
export const infraModeSchema = z.enum(['native', 'docker', 'external']);
export type InfraMode = z.infer<typeof infraModeSchema>;

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`配置错误 invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

const port = z.coerce.number().int().min(1).max(65535);

/** Connection settings every service and test shares. Native defaults point at `npm run infra -- up`. */
export const infraConfigSchema = z.object({
  CIVICFLOW_INFRA: infraModeSchema.default('native'),
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Task queue of the case workflows: intake starts them there, the case worker polls it. */
  CASE_TASK_QUEUE: z.string().min(1).default('civicflow-cases'),
  /** Databases are `<prefix>_<service>`: one per service; tests and shared clusters use their own prefix. */
  MONGO_DB_PREFIX: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and _').default('civicflow'),
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URL').default('mongodb://127.0.0.1:27017'),
  /** Interface services listen on; loopback locally, 0.0.0.0 in containers. */
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OTEL_TRACES_EXPORTER: z.enum(['none', 'console', 'otlp']).default('none'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  CIVICFLOW_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
export type InfraConfig = z.infer<typeof infraConfigSchema>;

/**
 * What a setting's schema default means: the schema defaults are the native development values; outside native
 * mode `loadConfig` holds these settings to production rules.
 * - secret: must be given, and must not be the published development value.
 * - demo: demo data or accounts; off unless native, and refused when switched on outside native.
 */
type ProductionRule = { kind: 'secret'; localDefault: string } | { kind: 'demo' };
const productionRules = z.registry<ProductionRule>();

/** A secret (32+ characters) whose default serves `npm start` and the tests only. */
export function localSecret(localDefault: string, minLength = 32) {
  const schema = z.string().min(minLength).default(localDefault);
  productionRules.add(schema, { kind: 'secret', localDefault });
  return schema;
}

/** The settings of a config schema that are secrets (required outside native mode): what a deployment must provide. */
export function secretSettingsOf(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, setting]) => productionRules.get(setting as z.ZodType)?.kind === 'secret')
    .map(([name]) => name);
}

/** A switch for demo data or demo accounts: on by default in native mode, off (and refused) elsewhere. */
export function demoSwitch() {
  const schema = z.enum(['true', 'false']).default('true').transform((v) => v === 'true');
  productionRules.add(schema, { kind: 'demo' });
  return schema;
}

/**
 * How the services check bearer tokens: signatures against the identity provider's public keys (a JWKS URL —
 * ours or a city's OIDC provider — or the keys inline), its issuer and audience, and the claims that carry a
 * user's role and jurisdiction. Every HTTP service's config extends this.
 */
export const serviceConfigSchema = infraConfigSchema.extend({
  /** The identity provider's key set (`jwks_uri` of its OIDC discovery document), e.g. http://identity:3010/.well-known/jwks.json. */
  JWT_JWKS_URL: z.url().optional(),
  /** Or the public keys inline, as a JWKS JSON document (used when JWT_JWKS_URL is unset). The default is the published development key: native mode only. */
  JWT_PUBLIC_KEYS: z.string().min(2).default(DEVELOPMENT_PUBLIC_JWKS),
  /** The `iss` tokens must carry (an external provider's issuer URL). */
  JWT_ISSUER: z.string().min(1).default('civicflow'),
  /** The `aud` tokens must carry. */
  JWT_AUDIENCE: z.string().min(1).default('civicflow-api'),
  /** Signature algorithms accepted (never `none` or a shared-secret HS*). */
  JWT_ALGORITHMS: z.string().regex(/^((EdDSA|RS256|RS384|RS512|PS256|PS384|PS512|ES256|ES384|ES512),?)+$/, 'comma-separated asymmetric JWS algorithms').default('EdDSA,RS256,PS256,ES256'),
  /** Claims carrying the user's role, jurisdiction (org unit or department) and display name (map them in the provider). */
  JWT_ROLE_CLAIM: z.string().min(1).default('role'),
  JWT_UNIT_CLAIM: z.string().min(1).default('unit'),
  JWT_NAME_CLAIM: z.string().min(1).default('name'),
  /** Revoked sessions (logout, deactivated users), polled so a revoked token is refused within a poll: identity's GET /api/v1/auth/revocations. */
  JWT_REVOCATION_URL: z.url().optional(),
  JWT_REVOCATION_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
});
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

/** Variables that must be given explicitly when pointing at real clusters. */
const externalRequired = ['KAFKA_BROKERS', 'TEMPORAL_ADDRESS', 'MONGO_URL'] as const;

/**
 * Validates the environment against a schema and fails fast, naming the first bad variable.
 * Services extend `infraConfigSchema` with their own settings (ports, secrets).
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? '(environment)'), issue.message);
  }
  const config = parsed.data as z.infer<S> & Partial<ServiceConfig>;
  if (config.CIVICFLOW_INFRA === 'external') {
    const missing = externalRequired.find((name) => !env[name]);
    if (missing) throw new ConfigError(missing, 'must be set when CIVICFLOW_INFRA=external');
  }
  if (config.CIVICFLOW_INFRA !== undefined && config.CIVICFLOW_INFRA !== 'native') holdToProductionRules(schema, config, env);
  return config;
}

/** Outside native mode: secrets given and not the published ones, no demo data, tokens checked against real keys. */
function holdToProductionRules(schema: z.ZodObject, config: Record<string, unknown>, env: Record<string, string | undefined>): void {
  const mode = String(config.CIVICFLOW_INFRA);
  for (const [name, setting] of Object.entries(schema.shape)) {
    const rule = productionRules.get(setting as z.ZodType);
    if (!rule) continue;
    const given = env[name];
    if (rule.kind === 'secret') {
      if (given === undefined || given === '') throw new ConfigError(name, `must be set when CIVICFLOW_INFRA=${mode}: secrets have no default outside native mode`);
      if (given === rule.localDefault) throw new ConfigError(name, 'is the published development value; generate a secret of your own (e.g. openssl rand -base64 48)');
    } else if (given === 'true') {
      throw new ConfigError(name, `demo data and demo accounts exist only in native mode (CIVICFLOW_INFRA=${mode})`);
    } else {
      config[name] = false;
    }
  }
  if ('JWT_PUBLIC_KEYS' in schema.shape) {
    if (env.JWT_PUBLIC_KEYS === DEVELOPMENT_PUBLIC_JWKS) throw new ConfigError('JWT_PUBLIC_KEYS', 'is the published development key; give your identity provider’s keys or JWT_JWKS_URL');
    if (!env.JWT_JWKS_URL && !env.JWT_PUBLIC_KEYS) {
      throw new ConfigError('JWT_JWKS_URL', `must be set when CIVICFLOW_INFRA=${mode} (or JWT_PUBLIC_KEYS): tokens are checked against your identity provider’s keys`);
    }
  }
}

export function servicePortSchema(variable: string, defaultPort: number) {
  return z.object({ [variable]: port.default(defaultPort) });
}

export function kafkaBrokerList(config: Pick<InfraConfig, 'KAFKA_BROKERS'>): string[] {
  return config.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean);
}
