import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { geoPointSchema, requestTypeSchema, urgencySchema } from '../shared/value-schemas';

/** 来电登记 — an operator logged a 12345 call that needs a case. */
export const callLoggedV1 = defineEvent({
  type: 'hotline.call-logged',
  version: 1,
  description: '话务员登记来电 — an operator logged a citizen call that becomes a case',
  schema: z.object({
    callId: z.string().min(1),
    receivedAt: z.iso.datetime({ offset: true }),
    callerRef: z.string().min(1).describe('keyed hash of the caller number; never the number itself'),
    callerMasked: z.string().min(1).describe('masked number for display, 138****1234'),
    content: z.string().min(1).max(4000),
    requestType: requestTypeSchema,
    categoryCode: z.string().min(1).optional(),
    urgency: urgencySchema,
    address: z.string().max(500).optional(),
    location: geoPointSchema.optional(),
    answeredDirectly: z
      .object({ articleId: z.string().min(1), answer: z.string().min(1).max(4000) })
      .optional()
      .describe('一次办结: the operator answered on the spot from the knowledge base; the case closes at intake'),
    joinCaseNumber: z
      .string()
      .regex(/^\d{8}-\d{6}$/)
      .optional()
      .describe('合并: the operator chose this open case for the call; intake joins the call to it (when it is still open) instead of opening another'),
  }),
});
