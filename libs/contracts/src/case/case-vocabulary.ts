import { z } from 'zod';
import { caseNumberSchema } from '../shared/value-schemas';

/**
 * The words case-lifecycle events share, spelled as on the wire (kebab-case, like the rest of the contracts).
 * The case workflow maps the domain's names onto these; consumers never see the domain's camelCase.
 */

/** Rung of the escalation ladder holding the case: 社区 → 街道 → 部门(吹哨) → 督办. */
export const caseLevelSchema = z.enum(['community', 'street', 'department', 'supervision']);
export type CaseLevel = z.infer<typeof caseLevelSchema>;

/** Where the case stands (the CaseStage search attribute uses the same values). */
export const caseStageSchema = z.enum([
  'registered', // 已受理
  'awaiting-dispatch', // 待派单 (manual queue)
  'dispatched', // 已派单待签收
  'returned', // 已退单待重派
  'in-handling', // 办理中
  'suspended', // 已挂起
  'resolved', // 已办结待回访
  'called-back', // 已回访
  'under-review', // 督查复核
  'closed', // 已归档
  'merged', // 已合并
]);
export type CaseStage = z.infer<typeof caseStageSchema>;

/** The timed windows of the ladder. */
export const slaWindowSchema = z.enum([
  'acceptance', // 签收
  'community-handling', // 社区办理
  'street-handling', // 街道办理
  'department-report-in', // 部门报到
  'department-answer', // 部门答复
  'callback', // 回访
  'mediation', // 调解
]);
export type SlaWindowWire = z.infer<typeof slaWindowSchema>;

/** 正常 · 预警 (≥ 80 %) · 超时 (≥ 100 %). */
export const slaStatusSchema = z.enum(['on-track', 'warning', 'breached']);

/** A duration as policy states it: "3 working days", "24 hours". */
export const businessDurationSchema = z.object({
  basis: z.enum(['working', 'natural']),
  amount: z.number().positive(),
  unit: z.enum(['minutes', 'hours', 'days']),
});

const instant = z.iso.datetime({ offset: true });

/**
 * One SLA clock at the moment of the event, as the timeline read model shows it. `deadline` and `warningAt`
 * are null while the clock is paused (挂起) or when the calendar could not compute them (`calendarProblem`).
 */
export const slaSnapshotSchema = z.object({
  window: slaWindowSchema,
  startedAt: instant,
  status: slaStatusSchema,
  paused: z.boolean(),
  deadline: instant.nullable(),
  warningAt: instant.nullable(),
  calendarProblem: z.string().optional().describe('code of the calendar error, e.g. CALENDAR_YEAR_NOT_COVERED'),
  provisional: z
    .literal(true)
    .optional()
    .describe('暂定: the deadline runs through a year without an official holiday arrangement and was computed from the statutory holidays; it is recomputed when the arrangement is entered'),
});
export type SlaSnapshot = z.infer<typeof slaSnapshotSchema>;

/**
 * Fields every case-lifecycle event carries, so a timeline read model needs nothing else: the per-case
 * sequence number (also part of the event id `<caseNumber>:<sequence>:<type>`), when it happened, the stage,
 * level and unit after the transition, and the case's main SLA clock at that moment. Who did it is the
 * envelope's `actor` (`role: system` for the workflow's own timers).
 */
export const caseTransitionFields = {
  caseNumber: caseNumberSchema,
  sequence: z.number().int().positive(),
  occurredAt: instant,
  stage: caseStageSchema,
  level: caseLevelSchema.nullable().describe('null before dispatch and after a return (退单)'),
  unitId: z.string().min(1).nullable().describe('the unit holding the case (community or street)'),
  sla: slaSnapshotSchema.nullable().describe('the case clock running after the transition, if any'),
};

/** A summons (吹哨) names the department and the child workflow that times it. */
export const summonsRefFields = {
  departmentId: z.string().min(1),
  summonsId: z.string().min(1).describe('workflow id of the summons: <caseNumber>:summons:<department>:<n>'),
};

/** 满意 satisfied, 基本满意 basically satisfied, 不满意 unsatisfied (as hotline.callback-recorded spells them). */
export const caseSatisfactionSchema = z.enum(['satisfied', 'basically-satisfied', 'unsatisfied']);

export const closureReasonSchema = z.enum(['callback-completed', 'callback-unreachable', 'direct-answer', 'supervisor-decision']);
