import { calendarWarningSettings, infraConfigSchema } from '@civicflow/platform';
import { z } from 'zod';

/** The worker's own settings: where the business calendar comes from, SLA profiles (JSON file), its health port. */
export const workerConfigSchema = infraConfigSchema.extend({
  /** grid: the calendar administered in the grid service (GRID_URL); file: CALENDAR_OVERRIDES_FILE alone (no grid). */
  WORKER_CALENDAR_SOURCE: z.enum(['grid', 'file']).default('grid'),
  GRID_URL: z.url().default('http://127.0.0.1:3003'),
  /** How long the worker computes with a fetched calendar before it asks grid again. */
  CALENDAR_REFRESH_MS: z.coerce.number().int().min(1_000).default(60_000),
  CALENDAR_OVERRIDES_FILE: z.string().min(1).optional(),
  SLA_PROFILES_FILE: z.string().min(1).optional(),
  /** /health/live, /health/ready and /health/calendar; 0 turns the endpoint off. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3008),
  /** whether /health/calendar warns of the calendar's cliff: grid's setting, read from the same variable */
  ...calendarWarningSettings,
});
