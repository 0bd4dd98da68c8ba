import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { geoPointSchema, requestTypeSchema, urgencySchema } from '@civicflow/contracts';

export const logCallSchema = z
  .object({
    callerNumber: z.string().regex(/^\+?[\d\s-]{5,20}$/, 'must be a phone number'),
    content: z.string().trim().min(1, 'must describe the request').max(4000),
    requestType: requestTypeSchema,
    urgency: urgencySchema.default('normal'),
    categoryCode: z.string().min(1).optional(),
    address: z.string().trim().min(1).max(500).optional(),
    location: geoPointSchema.optional(),
  })
  .refine((call) => call.address !== undefined || call.location !== undefined, {
    message: 'an address or a location is required',
    path: ['address'],
  });

/** 来电登记 — what an operator enters for a call. */
export class LogCallDto extends createZodDto(logCallSchema) {}
