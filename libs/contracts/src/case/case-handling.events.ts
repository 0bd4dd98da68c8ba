import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { caseNumberSchema, satisfactionSchema } from '../shared/value-schemas';
import { businessDurationSchema, caseTransitionFields, closureReasonSchema, slaSnapshotSchema } from './case-vocabulary';

/**
 * Side paths and the end of a case (挂起, 延期, 督办, 回访, 重办, 合并, 归档), published by the case workflow,
 * keyed by case number, with deterministic ids `<caseNumber>:<sequence>:<type>`.
 */

/** 挂起: every running clock of the case (its own and each department's) stopped. */
export const caseSuspendedV1 = defineEvent({
  type: 'case.suspended',
  version: 1,
  description: '挂起 — every running clock of the case stopped; total suspension is capped',
  schema: z.object({
    ...caseTransitionFields,
    reason: z.string().min(1).max(2000),
    resumeBy: z.iso.datetime({ offset: true }).nullable().describe('when the suspension allowance runs out and the case resumes by itself'),
  }),
});

/** 恢复办理: clocks run again, by a person or automatically when the allowance ran out. */
export const caseResumedV1 = defineEvent({
  type: 'case.resumed',
  version: 1,
  description: '恢复办理 — the clocks run again (by the handler, a supervisor, or automatically at the suspension limit)',
  schema: z.object({
    ...caseTransitionFields,
    automatic: z.boolean(),
    suspendedMs: z.number().int().nonnegative().describe('natural time this suspension lasted'),
    departments: z
      .array(z.object({ departmentId: z.string().min(1), sla: slaSnapshotSchema.nullable() }))
      .optional()
      .describe('added: each summoned department still at work, with its clock running again (moved by the suspension)'),
  }),
});

/** 申请延期. */
export const caseExtensionRequestedV1 = defineEvent({
  type: 'case.extension-requested',
  version: 1,
  description: '申请延期 — the handling unit asked for more time on its running window',
  schema: z.object({ ...caseTransitionFields, extra: businessDurationSchema, reason: z.string().min(1).max(2000) }),
});

/** 审批延期: approved (the deadline moves) or refused. */
export const caseExtensionDecidedV1 = defineEvent({
  type: 'case.extension-decided',
  version: 1,
  description: '审批延期 — a supervisor approved (the deadline moves) or refused an extension',
  schema: z.object({ ...caseTransitionFields, approved: z.boolean(), extra: businessDurationSchema, note: z.string().max(2000).optional() }),
});

/** 督办: a supervision notice, by a supervisor or automatically on a breach at the street or a department. */
export const caseSupervisionIssuedV1 = defineEvent({
  type: 'case.supervision-issued',
  version: 1,
  description: '督办 — a supervision notice, by a supervisor or automatically when the street or a department breaches',
  schema: z.object({
    ...caseTransitionFields,
    notice: z.string().min(1).max(4000),
    automatic: z.boolean(),
    departmentId: z.string().min(1).optional().describe('the department whose breach caused an automatic notice'),
  }),
});

/** 回访 due: the hotline owes the citizen (and every merged duplicate's caller) a callback. */
export const caseCallbackDueV1 = defineEvent({
  type: 'case.callback-due',
  version: 1,
  description: '待回访 — the case was resolved; the hotline owes the callers a callback by the due time',
  schema: z.object({
    ...caseTransitionFields,
    callbackDueAt: z.iso.datetime({ offset: true }),
    duplicateCaseNumbers: z.array(caseNumberSchema).describe('merged duplicates whose callers are owed a callback too'),
  }),
});

/** 回访结果 as the case recorded it (the hotline's own fact is hotline.callback-recorded). */
export const caseCallbackRecordedV1 = defineEvent({
  type: 'case.callback-recorded',
  version: 1,
  description: '回访记录 — the case recorded a callback: reached or not, and the citizen’s satisfaction',
  schema: z.object({
    ...caseTransitionFields,
    reached: z.boolean(),
    satisfaction: satisfactionSchema.optional(),
    comment: z.string().max(2000).optional(),
    callbackId: z.string().min(1).optional(),
    attempt: z.number().int().positive().describe('attempt number since the latest resolution'),
  }),
});

/** 重办: the citizen was not satisfied; the unit that resolved the case handles it again. */
export const caseReopenedV1 = defineEvent({
  type: 'case.reopened',
  version: 1,
  description: '重办 — the citizen was not satisfied; the level that resolved the case handles it again (at most twice)',
  schema: z.object({ ...caseTransitionFields, reason: z.string().max(2000).optional(), reopenCount: z.number().int().positive() }),
});

/** 督查复核: dissatisfied again after the last allowed reopen; a supervisor decides. */
export const caseReviewRequiredV1 = defineEvent({
  type: 'case.review-required',
  version: 1,
  description: '督查复核 — dissatisfied after the last allowed reopen; a supervisor must review and close the case',
  schema: z.object({ ...caseTransitionFields, reopenCount: z.number().int().nonnegative() }),
});

/** 合并: this case was a duplicate; it ends here and lives on in its master case. */
export const caseMergedV1 = defineEvent({
  type: 'case.merged',
  version: 1,
  description: '合并 — the case was a duplicate and was merged into its master case; it ends here',
  schema: z.object({ ...caseTransitionFields, masterCaseNumber: caseNumberSchema }),
});

/** 归档: the case is finished. */
export const caseClosedV1 = defineEvent({
  type: 'case.closed',
  version: 1,
  description: '归档 — the case is finished (satisfied callback, unreachable citizen, direct answer, or a supervisor’s decision)',
  schema: z.object({
    ...caseTransitionFields,
    reason: closureReasonSchema,
    note: z.string().max(4000).optional(),
    answer: z.string().max(4000).optional().describe('the direct answer (一次办结)'),
  }),
});
