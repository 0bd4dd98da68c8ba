import { callbackRecordedV1 } from '@civicflow/contracts';
import { EventDraft } from '@civicflow/platform';
import { CallbackTaskDoc } from './callback-task.schema';

/**
 * hotline.callback-recorded for attempt `n` (1-based) of a task, by the use case and by the outbox relay alike; its
 * id is derived from the task and the attempt, so sending it twice is deduplicated by consumers. Keyed by case
 * number: per-case order, so the case sees the attempts in the order they were made.
 */
export function callbackAttemptDraft(task: CallbackTaskDoc, n: number): EventDraft<typeof callbackRecordedV1> {
  const attempt = task.attempts[n - 1];
  if (!attempt) throw new Error(`callback ${task._id} has no attempt ${n}`);
  // tasks stored before attempts carried the answer kept it in the outcome (the reached call is the last)
  const answer = attempt.reached && n === task.attempts.length && task.outcome?.reached ? task.outcome : undefined;
  const satisfaction = attempt.satisfaction ?? answer?.satisfaction;
  const resolved = attempt.resolved ?? answer?.resolved ?? undefined;
  return {
    id: `${task._id}:attempt-${n}`,
    key: task.caseNumber,
    correlationId: task.correlationId,
    causationId: task.resolvedEventId,
    time: attempt.at,
    actor: { userId: attempt.operatorId, role: 'operator' },
    data: {
      callbackId: task._id,
      caseNumber: task.caseNumber,
      reached: attempt.reached,
      ...(attempt.reached && satisfaction ? { satisfaction } : {}),
      ...(attempt.reached && resolved !== undefined && resolved !== null ? { resolved } : {}),
      ...(attempt.comment ? { comment: attempt.comment } : {}),
      recordedAt: new Date(attempt.at).toISOString(),
      attempt: n,
    },
  };
}

/** The drafts of the attempts not yet on Kafka, oldest first. */
export function unpublishedAttemptDrafts(task: CallbackTaskDoc): EventDraft<typeof callbackRecordedV1>[] {
  const drafts: EventDraft<typeof callbackRecordedV1>[] = [];
  for (let n = (task.publishedAttempts ?? 0) + 1; n <= task.attempts.length; n++) drafts.push(callbackAttemptDraft(task, n));
  return drafts;
}
