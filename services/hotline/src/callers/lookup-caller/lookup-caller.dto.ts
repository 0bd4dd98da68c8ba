import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';

const callerNumber = z
  .string()
  .trim()
  .regex(/^\+?[\d\s-]{5,20}$/, says('须为电话号码', 'must be a phone number'));

export const lookupCallerQuerySchema = z.object({
  number: callerNumber.describe('the number on the operator’s screen; used only to compute its keyed hash'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export class LookupCallerQuery extends createZodDto(lookupCallerQuerySchema) {}

/** Same question as a body, which keeps the number out of URLs (proxy and access logs, browser history). */
export const lookupCallerBodySchema = z.object({
  number: callerNumber,
  limit: z.number().int().min(1).max(100).default(20),
});
export class LookupCallerBody extends createZodDto(lookupCallerBodySchema) {}

export const callerHistorySchema = z.object({
  callerMasked: z.string().describe('138****1234'),
  count: z.number().int().describe('all calls from this number'),
  calls: z.array(
    z.object({
      callId: z.string(),
      receivedAt: z.string(),
      requestType: z.string(),
      urgency: z.string(),
      categoryCode: z.string().optional(),
      category: z.object({ zh: z.string(), en: z.string() }).optional(),
      summary: z.string().describe('the start of what the caller said'),
      caseNumber: z.string().optional().describe('absent until intake has registered the case'),
      caseLink: z.enum(['registered', 'merged']).optional().describe('merged: joined an open case of the same problem'),
      answeredDirectly: z.object({ articleId: z.string() }).optional().describe('一次办结 on the spot'),
    }),
  ),
});
export class CallerHistoryDto extends createZodDto(callerHistorySchema) {}
export type CallerHistory = z.infer<typeof callerHistorySchema>;
