import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { caseNumberSchema, channelSchema, geoPointSchema, orgPathSchema, requestTypeSchema, urgencySchema } from '../shared/value-schemas';

/** 受理 — a case exists and its workflow has started. Published by the case workflow's first activity. */
export const caseRegisteredV1 = defineEvent({
  type: 'case.registered',
  version: 1,
  description: '案件受理 — the case workflow took the case on',
  schema: z.object({
    caseNumber: caseNumberSchema,
    channel: channelSchema,
    sourceRef: z.string().min(1).describe('id of the call, report or request the case came from'),
    requestType: requestTypeSchema,
    urgency: urgencySchema,
    categoryCode: z.string().optional(),
    priority: urgencySchema.optional(),
    intakeStatus: z.enum(['routed', 'manual-queue', 'closed']).optional(),
    orgPath: orgPathSchema.optional().describe('city → district → street → community → grid the case was routed to'),
    registeredAt: z.iso.datetime({ offset: true }),
    summary: z.string().max(200).optional().describe('受理摘要: the citizen’s words in a line, as worklists show them'),
    address: z.string().max(500).optional().describe('where, as reported'),
    location: geoPointSchema.optional().describe('where, as a point (WGS-84), for maps'),
  }),
});
