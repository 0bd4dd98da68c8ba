import { randomBytes } from 'node:crypto';
import { infraConfigSchema, InfraConfig, loadConfig } from '@civicflow/platform';

/**
 * Connection settings for integration tests. The global setup exports the endpoints of the servers it
 * started (or was given) into the environment; each test file gets its own database prefix and group ids.
 */
export function integrationConfig(overrides: Record<string, string> = {}): InfraConfig & Record<string, unknown> {
  // each test file gets a task queue of its own, so no worker picks up another file's workflows
  return loadConfig(infraConfigSchema.loose(), {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    CASE_TASK_QUEUE: uniqueId('cases-'),
    // services that register contacts with the notification service (as their service identity) never reach a
    // running system's by default: a test that starts notification and identity points them at those
    NOTIFICATION_URL: 'http://127.0.0.1:9',
    SERVICE_TOKEN_URL: 'http://127.0.0.1:9/api/v1/auth/token',
    ...overrides,
  });
}

/** A short random id: unique database prefixes, consumer groups and task queues per test file. */
export function uniqueId(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}
