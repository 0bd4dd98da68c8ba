import { z } from 'zod';
import { infraConfigSchema } from '@civicflow/platform';

export const intakeConfigSchema = infraConfigSchema.extend({
  INTAKE_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  INTAKE_CONSUMER_GROUP: z.string().min(1).default('intake'),
  /** false only in tests that share a topic with earlier runs. */
  KAFKA_FROM_BEGINNING: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export type IntakeConfig = z.infer<typeof intakeConfigSchema>;
