import { z } from 'zod';
import { CallbackTaskDoc } from './callback-task.schema';

export const callbackTaskViewSchema = z.object({
  callbackId: z.string(),
  caseNumber: z.string(),
  status: z.enum(['pending', 'recorded', 'unreachable']).describe('unreachable once the case closed it: the case decides when unanswered attempts are exhausted'),
  dueAt: z.string(),
  overdue: z.boolean().describe('pending past its due time'),
  resolvedAt: z.string(),
  level: z.string().describe('where it was resolved: community, street, department, supervision'),
  unitId: z.string(),
  summary: z.string().describe('办结情况: what the handling unit says it did'),
  callId: z.string().optional().describe('the call to ring back; read its number with GET /api/v1/calls/{callId}/caller-number'),
  callerMasked: z.string().optional(),
  attemptCount: z.number().int(),
  attempts: z.array(z.object({ at: z.string(), operatorId: z.string(), reached: z.boolean(), satisfaction: z.string().optional(), comment: z.string().optional() })),
  outcome: z
    .object({
      reached: z.boolean(),
      satisfaction: z.string().optional(),
      resolved: z.boolean().optional(),
      comment: z.string().optional(),
      recordedAt: z.string(),
      operatorId: z.string(),
    })
    .optional(),
});
export type CallbackTaskView = z.infer<typeof callbackTaskViewSchema>;

export function toCallbackTaskView(task: CallbackTaskDoc, now: Date): CallbackTaskView {
  return {
    callbackId: task._id,
    caseNumber: task.caseNumber,
    status: task.status,
    dueAt: task.dueAt.toISOString(),
    overdue: task.status === 'pending' && task.dueAt.getTime() < now.getTime(),
    resolvedAt: task.resolvedAt.toISOString(),
    level: task.level,
    unitId: task.unitId,
    summary: task.summary,
    ...(task.callId ? { callId: task.callId } : {}),
    ...(task.callerMasked ? { callerMasked: task.callerMasked } : {}),
    attemptCount: task.attemptCount,
    attempts: task.attempts.map((a) => ({
      at: a.at.toISOString(),
      operatorId: a.operatorId,
      reached: a.reached,
      ...(a.satisfaction ? { satisfaction: a.satisfaction } : {}),
      ...(a.comment ? { comment: a.comment } : {}),
    })),
    ...(task.outcome
      ? {
          outcome: {
            reached: task.outcome.reached,
            ...(task.outcome.satisfaction ? { satisfaction: task.outcome.satisfaction } : {}),
            ...(task.outcome.resolved === undefined || task.outcome.resolved === null ? {} : { resolved: task.outcome.resolved }),
            ...(task.outcome.comment ? { comment: task.outcome.comment } : {}),
            recordedAt: task.outcome.recordedAt.toISOString(),
            operatorId: task.outcome.operatorId,
          },
        }
      : {}),
  };
}
