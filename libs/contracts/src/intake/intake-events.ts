import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { caseNumberSchema, channelSchema } from '../shared/value-schemas';

/** 合并 — a report of a problem that already has an open case joined that case as another reporter. */
export const duplicateMergedV1 = defineEvent({
  type: 'intake.duplicate-merged',
  version: 1,
  description: '重复诉求合并 — a report of the same problem near the same place joined the open master case',
  schema: z.object({
    masterCaseNumber: caseNumberSchema,
    channel: channelSchema,
    sourceRef: z.string().min(1),
    reporterRef: z.string().optional().describe('keyed hash of the reporter, to inform them too'),
    distanceMeters: z.number().nonnegative().describe('how far apart the two points are (0 when they met by address)'),
    matchedBy: z.enum(['point', 'address', 'operator']).optional().describe('met within the radius of a point, at the same address, or joined by the operator who found it open (合并 at the call)'),
  }),
});

/** 人工派单 — the router could not place the case; a dispatcher must. */
export const manualDispatchQueuedV1 = defineEvent({
  type: 'intake.manual-dispatch-queued',
  version: 1,
  description: '进入人工派单队列 — no grid owns the place (or none was given); a dispatcher routes it by hand',
  schema: z.object({
    caseNumber: caseNumberSchema,
    reason: z.enum(['outside-every-grid', 'address-unknown', 'no-location']),
  }),
});
