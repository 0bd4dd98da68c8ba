import { z } from 'zod';

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
  /** HS256 secret shared with the identity service; the default is for local use only. */
  JWT_SECRET: z.string().min(32).default('local-development-jwt-secret-change-me-000000'),
  /** Or verify tokens of an external identity provider by its JWKS URL. */
  JWT_JWKS_URL: z.url().optional(),
  CIVICFLOW_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
export type InfraConfig = z.infer<typeof infraConfigSchema>;

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
  const config = parsed.data as z.infer<S> & Partial<InfraConfig>;
  if (config.CIVICFLOW_INFRA === 'external') {
    const missing = externalRequired.find((name) => !env[name]);
    if (missing) throw new ConfigError(missing, 'must be set when CIVICFLOW_INFRA=external');
  }
  return config;
}

export function servicePortSchema(variable: string, defaultPort: number) {
  return z.object({ [variable]: port.default(defaultPort) });
}

export function kafkaBrokerList(config: Pick<InfraConfig, 'KAFKA_BROKERS'>): string[] {
  return config.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean);
}
