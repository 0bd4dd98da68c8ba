import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { caseTransitionFields, slaWindowSchema } from './case-vocabulary';

const instant = z.iso.datetime({ offset: true });

/**
 * 时限重算: the holiday arrangement of a year the case's clocks run through was entered or corrected
 * (grid.calendar-year-published), and the case workflow computed its deadlines again. Published even when no
 * deadline moved, since a provisional deadline becomes official. A breach already announced stands; a deadline
 * that moved before now breaches right after this event (its own case.sla-breached).
 */
export const caseDeadlinesRecomputedV1 = defineEvent({
  type: 'case.deadlines-recomputed',
  version: 1,
  description: '时限重算 — a year’s holiday arrangement was entered or corrected; the case’s deadlines were computed again (breaches already announced stand)',
  schema: z.object({
    ...caseTransitionFields,
    year: z.number().int().describe('the year whose arrangement changed'),
    calendarVersion: z.number().int().nonnegative().describe('version of the calendar the deadlines were computed with'),
    reason: z.string().min(1).describe('e.g. 时限已按2027年放假安排重算'),
    clocks: z
      .array(
        z.object({
          window: slaWindowSchema,
          departmentId: z.string().min(1).optional(),
          previousDeadline: instant.nullable(),
          deadline: instant.nullable(),
          provisional: z.boolean().describe('still computed across a year without an official arrangement'),
        }),
      )
      .describe('every running clock, before and after'),
  }),
});
