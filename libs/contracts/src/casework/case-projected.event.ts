import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { caseNumberSchema } from '../shared/value-schemas';

/**
 * 视图已更新 — casework's read model (worklists, timeline) now shows a case event. Live screens refresh on this, not
 * on the case event itself, so a list reloaded on it has the case (the read model is written a moment after the
 * event). Published by casework after each write; keyed by case number.
 */
export const caseProjectedV1 = defineEvent({
  type: 'casework.case-projected',
  version: 1,
  description: '案件视图已更新 — casework’s worklists and timeline show the case event; live screens refresh on it',
  schema: z.object({
    caseNumber: caseNumberSchema,
    /** the case event now shown */
    eventType: z.string().min(1),
    sequence: z.number().int().nonnegative(),
    stage: z.string().min(1),
    /** the unit holding the case, null while nobody does */
    unitId: z.string().min(1).nullable(),
    /** every unit whose people see the case: its org path (city → grid), the holder, departments involved */
    units: z.array(z.string().min(1)),
  }),
});
