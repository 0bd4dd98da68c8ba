import { z } from 'zod';
import { satisfactionSchema } from '@civicflow/contracts';
import { Refusal } from '../shared/http-errors';

/** After this many calls without reaching the citizen, the callback is closed as unreachable (无法联系). */
export const MAX_CALLBACK_ATTEMPTS = 3;

export type Satisfaction = z.infer<typeof satisfactionSchema>;

/** pending: still to be made; recorded: the citizen answered; unreachable: MAX_CALLBACK_ATTEMPTS calls went unanswered. */
export type CallbackStatus = 'pending' | 'recorded' | 'unreachable';

export interface CallbackAttempt {
  at: Date;
  operatorId: string;
  reached: boolean;
  comment?: string;
}

/** The final word on a callback; it is what hotline.callback-recorded carries. */
export interface CallbackOutcome {
  reached: boolean;
  satisfaction?: Satisfaction;
  resolved?: boolean;
  comment?: string;
  recordedAt: Date;
  operatorId: string;
}

/** What the operator reports after one call. The DTO guarantees: satisfaction iff reached. */
export interface CallbackResultInput {
  reached: boolean;
  satisfaction?: Satisfaction;
  resolved?: boolean;
  comment?: string;
}

export type CallbackDecision =
  | { ok: false; reason: Refusal }
  /** `outcome` is present exactly when the callback is final and hotline.callback-recorded must be published. */
  | { ok: true; status: CallbackStatus; attempt: CallbackAttempt; outcome?: CallbackOutcome };

const UNREACHABLE_NOTE = `连续 ${MAX_CALLBACK_ATTEMPTS} 次回访未能联系到市民 citizen not reached after ${MAX_CALLBACK_ATTEMPTS} attempts`;

/**
 * 回访规则: a reached citizen ends the callback with their satisfaction; an unanswered call counts as an attempt
 * and the task stays pending, until the MAX_CALLBACK_ATTEMPTS-th unanswered call closes it as unreachable —
 * which is still published, since the rates count it (a callback made, the citizen not contacted).
 * A callback that is final takes nothing more.
 */
export function decideCallbackResult(
  task: { status: CallbackStatus; attemptCount: number },
  input: CallbackResultInput,
  operatorId: string,
  at: Date,
): CallbackDecision {
  if (task.status === 'recorded') {
    return { ok: false, reason: { code: 'callback-already-recorded', zh: '该回访结果已登记', en: 'the callback result is already recorded' } };
  }
  if (task.status === 'unreachable') {
    return {
      ok: false,
      reason: { code: 'callback-closed-unreachable', zh: '该回访已因多次未接通结束', en: 'the callback was closed after unanswered attempts' },
    };
  }
  const attempt: CallbackAttempt = { at, operatorId, reached: input.reached, ...(input.comment ? { comment: input.comment } : {}) };
  if (input.reached) {
    return {
      ok: true,
      status: 'recorded',
      attempt,
      outcome: {
        reached: true,
        satisfaction: input.satisfaction,
        ...(input.resolved === undefined ? {} : { resolved: input.resolved }),
        ...(input.comment ? { comment: input.comment } : {}),
        recordedAt: at,
        operatorId,
      },
    };
  }
  if (task.attemptCount + 1 < MAX_CALLBACK_ATTEMPTS) return { ok: true, status: 'pending', attempt };
  return {
    ok: true,
    status: 'unreachable',
    attempt,
    outcome: { reached: false, comment: input.comment ? `${UNREACHABLE_NOTE}: ${input.comment}` : UNREACHABLE_NOTE, recordedAt: at, operatorId },
  };
}
