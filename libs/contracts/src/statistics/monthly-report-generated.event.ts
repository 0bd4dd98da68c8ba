import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';

/**
 * 月度考核报告已生成 — casework stored a month's 考核 report (by the scheduled workflow on the first working day
 * of the next month, or a supervisor's POST). Published once per month (event id `monthly-report:<month>`);
 * notification tells the city's supervisors in their inbox with a link to the report.
 */
export const monthlyReportGeneratedV1 = defineEvent({
  type: 'statistics.monthly-report-generated',
  version: 1,
  description: '月度考核报告已生成 — a month’s report (PDF and Excel) can be downloaded; supervisors are told',
  schema: z.object({
    /** the month reported, YYYY-MM (China time) */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    generatedAt: z.iso.datetime({ offset: true }),
    /** the user who asked for it, or `schedule` for the scheduled workflow */
    generatedBy: z.string().min(1),
    /** the scoring policy version the month was scored under */
    policyVersion: z.number().int().positive(),
    /** the city's unit, whose supervisors are told */
    cityUnitId: z.string().min(1),
    streets: z.number().int().nonnegative(),
    departments: z.number().int().nonnegative(),
    cases: z.number().int().nonnegative(),
    /** the download paths (casework API) */
    files: z.object({ pdf: z.string().min(1), xlsx: z.string().min(1) }),
  }),
});
