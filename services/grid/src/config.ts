import { z } from 'zod';
import { calendarWarningSettings, serviceConfigSchema } from '@civicflow/platform';

export const gridConfigSchema = serviceConfigSchema.extend({
  GRID_PORT: z.coerce.number().int().min(1).max(65535).default(3003),
  GRID_CONSUMER_GROUP: z.string().min(1).default('grid'),
  /** false only in tests that share a topic with earlier runs. */
  KAFKA_FROM_BEGINNING: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /**
   * Load the demo city 北丰市 into an EMPTY grid database at start. `auto`: yes unless CIVICFLOW_INFRA=external.
   * A database holding any import is never overwritten.
   */
  GRID_SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  /** How often a running service looks for a newer import (one read by _id); 0 turns it off. */
  GRID_REFRESH_INTERVAL_MS: z.coerce.number().int().min(0).default(10_000),
  /** The worker's former calendar override table (JSON): its years are imported at start as entered arrangements. */
  CALENDAR_OVERRIDES_FILE: z.string().min(1).optional(),
  /** How often unpublished calendar events are sent again. */
  CALENDAR_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(0).default(15_000),
  /** How often the coverage warning is considered (it goes out at most once per working day); 0 turns it off. */
  CALENDAR_COVERAGE_CHECK_MS: z.coerce.number().int().min(0).default(15 * 60_000),
  /**
   * When the daily coverage notice may go out: `office-hours` (a working day, from 08:00 China time, as people read
   * it) or `any-time` (the first check of any day: for demos and tests, which must not depend on the hour they run at).
   */
  CALENDAR_COVERAGE_NOTICE: z.enum(['office-hours', 'any-time']).default('office-hours'),
  /** How many days before the cliff the console banner and the daily notice start (the worker's health says the same). */
  ...calendarWarningSettings,
});
export type GridConfig = z.infer<typeof gridConfigSchema>;

export function seedsDemoCity(config: Pick<GridConfig, 'GRID_SEED_DEMO' | 'CIVICFLOW_INFRA'>): boolean {
  return config.GRID_SEED_DEMO === 'true' || (config.GRID_SEED_DEMO === 'auto' && config.CIVICFLOW_INFRA !== 'external');
}
