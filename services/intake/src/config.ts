import { z } from 'zod';
import { clientSecretSchema, serviceConfigSchema, serviceTokenUrlSchema } from '@civicflow/platform';
import { channelsConfigSchema } from './channels/channels.config';

export const intakeConfigSchema = serviceConfigSchema.extend(channelsConfigSchema.shape).extend({
  INTAKE_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  INTAKE_CONSUMER_GROUP: z.string().min(1).default('intake'),
  /** Reports of the same category within this distance and time of an open case merge into it (合并). */
  INTAKE_DEDUP_RADIUS_METERS: z.coerce.number().positive().max(600, 'at most 600 m (the duplicate search covers one geohash-6 neighbourhood)').default(150),
  INTAKE_DEDUP_WINDOW_HOURS: z.coerce.number().positive().default(72),
  /** How long routing waits for the first grid dataset before the report is retried (and start-up waits for it). */
  INTAKE_ROUTING_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** The grid service, whose routing dataset intake routes with (GET /api/v1/routing/dataset). */
  GRID_URL: z.url().default('http://127.0.0.1:3003'),
  /** The token endpoint where intake's service identity (`svc-intake`) gets its access token for the grid service. */
  SERVICE_TOKEN_URL: serviceTokenUrlSchema,
  /** The client secret of `svc-intake` (identity knows it too). Required outside native mode. */
  INTAKE_CLIENT_SECRET: clientSecretSchema('intake'),
  /** The root of the org tree (the city): what a case's visibility falls back to before the grid data is loaded. */
  INTAKE_CITY_UNIT_ID: z.string().min(1).default('bf'),
  /** false only in tests that share a topic with earlier runs. */
  KAFKA_FROM_BEGINNING: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export type IntakeConfig = z.infer<typeof intakeConfigSchema>;
