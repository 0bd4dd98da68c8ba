import { z } from 'zod';
import { infraConfigSchema } from '@civicflow/platform';

export const gridConfigSchema = infraConfigSchema.extend({
  GRID_PORT: z.coerce.number().int().min(1).max(65535).default(3003),
  GRID_CONSUMER_GROUP: z.string().min(1).default('grid'),
  KAFKA_FROM_BEGINNING: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export type GridConfig = z.infer<typeof gridConfigSchema>;
