import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * 放假安排录入: an administrator entered (or corrected) a year's official holiday arrangement in the grid service's
 * calendar administration. Every version is kept there; the case worker reads the calendar from grid, and
 * casework has the running cases whose clocks touch the year recompute their deadlines.
 */
export const calendarYearPublishedV1 = defineEvent({
  type: 'grid.calendar-year-published',
  version: 1,
  description: '放假安排录入 — a year’s official holiday arrangement was entered or corrected; running cases whose clocks touch the year recompute their deadlines',
  schema: z.object({
    year: z.number().int(),
    yearVersion: z.number().int().positive().describe('1 for the first entry of the year, then +1 per correction'),
    calendarVersion: z.number().int().positive().describe('the whole calendar’s version after this change (grows with every change of any year)'),
    change: z.enum(['entered', 'corrected']).describe('entered: the first arrangement of the year (it was provisional, or the package’s); corrected: a later version'),
    holidays: z.array(dateKey),
    makeUpWorkdays: z.array(dateKey),
    enteredBy: z.string().min(1),
    source: z.string().min(1).describe('how it was entered: form, chinese-days-json, ics, csv, overrides-file'),
  }),
});

/**
 * 日历到期预警: the last day with an official arrangement is near (60 days or less: grid's CALENDAR_WARNING_DAYS) and
 * the next year has not been entered. Published once per working day (id `calendar-coverage:<date>`) until it is;
 * administrators and supervisors get an inbox notice.
 */
export const calendarCoverageWarningV1 = defineEvent({
  type: 'grid.calendar-coverage-warning',
  version: 1,
  description: '日历到期预警 — the official holiday arrangements end within 60 days and the next year is not entered yet (once per working day)',
  schema: z.object({
    date: dateKey.describe('the working day of this warning (China time)'),
    officialThrough: dateKey.describe('last day with an official arrangement'),
    daysLeft: z.number().int().describe('days from `date` to `officialThrough`; negative once past it'),
    missingYear: z.number().int().describe('the year whose arrangement is needed'),
  }),
});
