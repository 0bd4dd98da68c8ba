import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';
import { caseNumberSchema } from '../shared/value-schemas';
import { caseLevelSchema, caseTransitionFields, slaSnapshotSchema, slaWindowSchema, summonsRefFields } from './case-vocabulary';

/**
 * The escalation ladder (派单 → 签收 → 升级 → 吹哨/报到), published by the case workflow, keyed by case number,
 * with deterministic ids `<caseNumber>:<sequence>:<type>`.
 */

/** 派单 (or 重新派单 after a return): the case is assigned and its acceptance window starts. */
export const caseDispatchedV1 = defineEvent({
  type: 'case.dispatched',
  version: 1,
  description: '派单 — assigned to a community (or straight to the street); the acceptance window (签收) starts',
  schema: z.object({
    ...caseTransitionFields,
    route: z.object({ streetId: z.string().min(1), communityId: z.string().min(1).optional(), gridId: z.string().min(1).optional() }),
    assigneeUnitId: z.string().min(1),
    redispatch: z.boolean().describe('true when a dispatcher re-routed a returned case (重新派单)'),
  }),
});

/** 退单: the assigned unit sent the case back before accepting it (wrong jurisdiction). */
export const caseReturnedV1 = defineEvent({
  type: 'case.returned',
  version: 1,
  description: '退单 — the assigned unit returned the case (wrong jurisdiction); a dispatcher must re-route it',
  schema: z.object({ ...caseTransitionFields, fromUnitId: z.string().min(1), reason: z.string().min(1).max(2000) }),
});

/** 签收: the assigned unit took the case; its handling window starts. */
export const caseAcceptedV1 = defineEvent({
  type: 'case.accepted',
  version: 1,
  description: '签收 — the assigned unit accepted the case; its handling window (办理) starts',
  schema: z.object({ ...caseTransitionFields }),
});

/** 升级: community → street, early or on a breach. */
export const caseEscalatedV1 = defineEvent({
  type: 'case.escalated',
  version: 1,
  description: '升级 — the street took the case over from the community, early (lacks powers) or on an SLA breach',
  schema: z.object({
    ...caseTransitionFields,
    trigger: z.enum(['early', 'breach']),
    from: caseLevelSchema,
    to: caseLevelSchema,
    note: z.string().max(2000).optional(),
  }),
});

/** 吹哨: the street summoned one or more departments at once; each is a child workflow with its own clock. */
export const caseDepartmentsSummonedV1 = defineEvent({
  type: 'case.departments-summoned',
  version: 1,
  description: '街道吹哨 — the street summoned departments; each must report in (报到) within its window',
  schema: z.object({
    ...caseTransitionFields,
    summonses: z.array(z.object({ ...summonsRefFields, sla: slaSnapshotSchema.nullable() })).min(1),
  }),
});

/** 报到: a summoned department reported in; its answer window starts. */
export const caseDepartmentReportedInV1 = defineEvent({
  type: 'case.department-reported-in',
  version: 1,
  description: '部门报到 — a summoned department reported in; its answer window starts',
  schema: z.object({ ...caseTransitionFields, ...summonsRefFields, departmentSla: slaSnapshotSchema.nullable() }),
});

/** A department refused the summons with a reason; its clock stops until the street or a supervisor decides. */
export const caseDepartmentRefusedV1 = defineEvent({
  type: 'case.department-refused',
  version: 1,
  description: '部门拒绝 — a department refused the summons with a reason; the street or a supervisor decides',
  schema: z.object({ ...caseTransitionFields, ...summonsRefFields, reason: z.string().min(1).max(2000) }),
});

/** 裁决: the refusal was accepted (the department is released) or overruled (it must carry on). */
export const caseRefusalDecidedV1 = defineEvent({
  type: 'case.refusal-decided',
  version: 1,
  description: '裁决 — a department’s refusal was accepted (released) or overruled (back to work with a fresh window)',
  schema: z.object({
    ...caseTransitionFields,
    ...summonsRefFields,
    decision: z.enum(['accepted', 'overruled']),
    note: z.string().max(2000).optional(),
    departmentSla: slaSnapshotSchema.nullable(),
  }),
});

/**
 * A summons ended without an answer: 撤回 (withdrawn) by the street that holds the case (or a supervisor) before the
 * answer, or 解除 (released) by a supervisor after the department let its window run out and was 督办-ed. The
 * department's child workflow ends; a breach it let happen stays on its record (`breached`).
 */
export const caseSummonsEndedV1 = defineEvent({
  type: 'case.summons-ended',
  version: 1,
  description: '撤回 / 解除 — a summons ended without an answer: withdrawn by the street, or released by a supervisor after its breach and 督办',
  schema: z.object({
    ...caseTransitionFields,
    ...summonsRefFields,
    ending: z.enum(['withdrawn', 'released']).describe('withdrawn: 撤回 by the street (or a supervisor); released: 解除 by a supervisor after a breach'),
    reason: z.string().min(1).max(2000),
    breached: z.boolean().describe('the department had let a window of this summons run out (it stays on its record)'),
    statusBefore: z.enum(['summoned', 'reported-in', 'refusal-pending']).describe('where the summons stood: not reported in, reported in, or refusal pending'),
  }),
});

/** 答复: a department answered with its plan and result. */
export const caseDepartmentAnsweredV1 = defineEvent({
  type: 'case.department-answered',
  version: 1,
  description: '部门答复 — a summoned department answered with its plan and result',
  schema: z.object({ ...caseTransitionFields, ...summonsRefFields, plan: z.string().min(1).max(4000), result: z.string().min(1).max(4000) }),
});

const clockRef = {
  window: slaWindowSchema,
  departmentId: z.string().min(1).optional().describe('set when the clock is a summoned department’s'),
  summonsId: z.string().min(1).optional(),
  deadline: z.iso.datetime({ offset: true }).nullable(),
};

/** 预警: a window reached its warning threshold (80 % by default). */
export const caseSlaWarningV1 = defineEvent({
  type: 'case.sla-warning',
  version: 1,
  description: '时限预警 — a window reached its warning threshold (80 % of its allowance by default)',
  schema: z.object({ ...caseTransitionFields, ...clockRef }),
});

/** 超时: a window ran out; `action` says what the workflow did about it. */
export const caseSlaBreachedV1 = defineEvent({
  type: 'case.sla-breached',
  version: 1,
  description: '超时 — a window ran out; the community’s go up to the street, the street’s and departments’ to supervision (督办)',
  schema: z.object({
    ...caseTransitionFields,
    ...clockRef,
    action: z.enum(['escalated', 'supervision', 'none']),
  }),
});

/** The master case's side of a merge (合并): its callback must reach the duplicate's caller too. */
export const caseDuplicateAttachedV1 = defineEvent({
  type: 'case.duplicate-attached',
  version: 1,
  description: '关联重复件 — a duplicate case was merged into this (master) case',
  schema: z.object({ ...caseTransitionFields, duplicateCaseNumber: caseNumberSchema }),
});
