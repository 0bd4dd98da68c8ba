import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { caseNumberSchema, satisfactionSchema } from '../shared/value-schemas';

/**
 * 回访 — one attempt by an operator to call the citizen back after resolution: reached (with satisfaction) or
 * not. Every attempt is its own event (id `<callbackId>:attempt-<n>`); the case decides when unanswered attempts
 * are exhausted.
 */
export const callbackRecordedV1 = defineEvent({
  type: 'hotline.callback-recorded',
  version: 1,
  description: '回访结果 — one callback attempt: the citizen was (or could not be) reached after resolution, with their satisfaction',
  schema: z.object({
    callbackId: z.string().min(1),
    caseNumber: caseNumberSchema,
    reached: z.boolean(),
    satisfaction: satisfactionSchema.optional(),
    resolved: z.boolean().optional().describe('the citizen says the problem is solved'),
    comment: z.string().max(2000).optional(),
    recordedAt: z.iso.datetime({ offset: true }),
    attempt: z.number().int().positive().optional().describe('added: the attempt number on this callback task (1, 2, …)'),
  }).refine((c) => !c.reached || c.satisfaction !== undefined, { message: 'satisfaction is required when the citizen was reached', path: ['satisfaction'] }),
});
