import { z } from 'zod';
import { serviceConfigSchema } from '@civicflow/platform';
import { statisticsConfigShape } from './statistics/statistics.config';

/** CASEWORK_CITY_UNIT_ID (in the statistics shape): the root of the org tree — users whose unit is the city see and act on every case (督查员, 派单员, 话务员). */
export const caseworkConfigSchema = serviceConfigSchema.extend({
  CASEWORK_PORT: z.coerce.number().int().min(1).max(65535).default(3006),
  CASEWORK_CONSUMER_GROUP: z.string().min(1).default('casework'),
  ...statisticsConfigShape,
  /** false only in tests that share a topic with earlier runs. */
  KAFKA_FROM_BEGINNING: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export type CaseworkConfig = z.infer<typeof caseworkConfigSchema>;
