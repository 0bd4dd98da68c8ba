import { z } from 'zod';
import { clientSecretSchema, localSecret, serviceConfigSchema, serviceTokenUrlSchema } from '@civicflow/platform';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const hotlineConfigSchema = serviceConfigSchema.extend({
  HOTLINE_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Secret for the keyed hash and encryption of caller numbers (32+ chars). Required outside native mode. */
  HOTLINE_CALLER_KEY: localSecret('local-development-key-change-me-0123456789'),
  /** Consumer group of the hotline's read model (case links) and callback tasks. */
  HOTLINE_CONSUMER_GROUP: z.string().min(1).default('hotline'),
  /** false only in tests that share a topic with earlier runs. */
  KAFKA_FROM_BEGINNING: flag.default(true),
  /** Insert the shipped knowledge-base articles (知识库) that are not in the database yet; never overwrites edits. */
  HOTLINE_SEED_KNOWLEDGE: flag.default(true),
  /** The notification service, where callers who agreed to SMS notices are registered (短信告知). */
  NOTIFICATION_URL: z.url().default('http://127.0.0.1:3005').transform((url) => url.replace(/\/+$/, '')),
  /** The token endpoint where the hotline's service identity (`svc-hotline`) gets its access token. */
  SERVICE_TOKEN_URL: serviceTokenUrlSchema,
  /** The client secret of `svc-hotline` (identity knows it too). Required outside native mode. */
  HOTLINE_CLIENT_SECRET: clientSecretSchema('hotline'),
  /** How often the outbox's due list is swept for what a stopped process left (one point read when idle). */
  HOTLINE_OUTBOX_SWEEP_MS: z.coerce.number().int().min(100).default(30_000),
  /**
   * 来电弹屏: the key the call centre's telephony system shows (X-Telephony-Key) when it reports calls; unset, no
   * telephony system is connected and POST /api/v1/telephony/events answers 503.
   */
  HOTLINE_TELEPHONY_KEY: z.string().min(16).optional(),
});
export type HotlineConfig = z.infer<typeof hotlineConfigSchema>;
