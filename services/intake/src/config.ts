import { z } from 'zod';
import { infraConfigSchema } from '@civicflow/platform';
import { channelsConfigSchema } from './channels/channels.config';

export const intakeConfigSchema = infraConfigSchema.extend(channelsConfigSchema.shape).extend({
  INTAKE_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  INTAKE_CONSUMER_GROUP: z.string().min(1).default('intake'),
  /** Reports of the same category within this distance and time of an open case merge into it (合并). */
  INTAKE_DEDUP_RADIUS_METERS: z.coerce.number().positive().max(600, 'at most 600 m (the duplicate search covers one geohash-6 neighbourhood)').default(150),
  INTAKE_DEDUP_WINDOW_HOURS: z.coerce.number().positive().default(72),
  /** How long to wait for the grid service to place a case before retrying. */
  INTAKE_ROUTING_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** false only in tests that share a topic with earlier runs. */
  KAFKA_FROM_BEGINNING: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export type IntakeConfig = z.infer<typeof intakeConfigSchema>;
