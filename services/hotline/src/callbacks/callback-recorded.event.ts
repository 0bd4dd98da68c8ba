import { callbackRecordedV1 } from '@civicflow/contracts';
import { EventDraft } from '@civicflow/platform';
import { CallbackTaskDoc } from './callback-task.schema';

/**
 * hotline.callback-recorded from a final task, by the use case and by the outbox relay alike; its id is derived
 * from the task, so sending it twice is deduplicated by consumers. Keyed by case number: per-case order.
 */
export function callbackRecordedDraft(task: CallbackTaskDoc & { outcome: NonNullable<CallbackTaskDoc['outcome']> }): EventDraft<typeof callbackRecordedV1> {
  const { outcome } = task;
  return {
    id: `${task._id}:callback-recorded`,
    key: task.caseNumber,
    correlationId: task.correlationId,
    causationId: task.resolvedEventId,
    time: outcome.recordedAt,
    actor: { userId: outcome.operatorId, role: 'operator' },
    data: {
      callbackId: task._id,
      caseNumber: task.caseNumber,
      reached: outcome.reached,
      ...(outcome.satisfaction ? { satisfaction: outcome.satisfaction } : {}),
      ...(outcome.resolved === undefined ? {} : { resolved: outcome.resolved }),
      ...(outcome.comment ? { comment: outcome.comment } : {}),
      recordedAt: outcome.recordedAt.toISOString(),
    },
  };
}

export function hasOutcome(task: CallbackTaskDoc): task is CallbackTaskDoc & { outcome: NonNullable<CallbackTaskDoc['outcome']> } {
  return task.outcome !== undefined && task.outcome !== null;
}
