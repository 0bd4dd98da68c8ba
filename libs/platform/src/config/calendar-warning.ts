import { z } from 'zod';
import { CALENDAR_WARNING_DAYS } from '@civicflow/domain';

/**
 * 日历到期预警 — one setting for every process that reports calendar coverage: grid (the console banner and the
 * daily notice) and the case worker (/health/calendar). How many days before the last officially arranged day the
 * warning is on (60: the State Council publishes in November). Tests set it from the cliff they see, so they run on
 * any date.
 */
export const calendarWarningSettings = {
  CALENDAR_WARNING_DAYS: z.coerce.number().int().min(0).max(3660).default(CALENDAR_WARNING_DAYS),
};
