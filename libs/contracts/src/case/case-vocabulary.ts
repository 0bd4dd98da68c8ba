import { z } from 'zod';
import { CASE_LEVELS, CASE_STAGES, CLOSURE_REASONS, SLA_STATUSES, SLA_WINDOWS, SUMMONS_STATUSES } from '@civicflow/domain';
import { caseNumberSchema } from '../shared/value-schemas';

/**
 * The words case-lifecycle events share. They come from the one vocabulary (libs/domain/src/vocabulary), the
 * same words the domain, the workflow and the console use; these schemas check them on the wire.
 */

/** Rung of the escalation ladder holding the case: 社区 → 街道 → 部门(吹哨) → 督办. */
export const caseLevelSchema = z.enum(CASE_LEVELS);
export type CaseLevel = z.infer<typeof caseLevelSchema>;

/** Where the case stands (the CaseStage search attribute uses the same values). */
export const caseStageSchema = z.enum(CASE_STAGES);
export type CaseStage = z.infer<typeof caseStageSchema>;

/** The timed windows of the ladder. */
export const slaWindowSchema = z.enum(SLA_WINDOWS);

/** 正常 · 预警 (≥ 80 %) · 超时 (≥ 100 %). */
export const slaStatusSchema = z.enum(SLA_STATUSES);

/** A department's summons (吹哨): 待报到 · 已报到 · 拒绝待裁决 · 已答复 · 已退出. */
export const summonsStatusSchema = z.enum(SUMMONS_STATUSES);

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

export const closureReasonSchema = z.enum(CLOSURE_REASONS);
