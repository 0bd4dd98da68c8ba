import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { caseNumberSchema } from '../shared/value-schemas';
import { caseLevelSchema, caseStageSchema, slaSnapshotSchema } from './case-vocabulary';

/**
 * 办结 — the handling unit resolved the case; a callback (回访) is due. Published by the case workflow with the
 * id `<caseNumber>:<sequence>:case.resolved`. The fields after `callbackDueAt` came later and are optional, so
 * v1 consumers keep working.
 */
export const caseResolvedV1 = defineEvent({
  type: 'case.resolved',
  version: 1,
  description: '案件办结 — resolved by the handling unit; the hotline owes the citizen a callback',
  schema: z.object({
    caseNumber: caseNumberSchema,
    resolvedAt: z.iso.datetime({ offset: true }),
    level: caseLevelSchema,
    unitId: z.string().min(1),
    summary: z.string().min(1).max(4000),
    callbackDueAt: z.iso.datetime({ offset: true }),
    sequence: z.number().int().positive().optional().describe('per-case sequence number, as in the other case events'),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    stage: caseStageSchema.optional(),
    sla: slaSnapshotSchema.nullable().optional().describe('the callback window that starts'),
  }),
});
