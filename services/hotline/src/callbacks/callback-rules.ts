import { z } from 'zod';
import { satisfactionSchema } from '@civicflow/contracts';
import { Refusal } from '../shared/http-errors';

export type Satisfaction = z.infer<typeof satisfactionSchema>;

/**
 * pending: still to be made (attempts so far went unanswered); recorded: the citizen answered; unreachable: the
 * case closed the callback after its rule found the unanswered attempts exhausted (the hotline does not count).
 */
export type CallbackStatus = 'pending' | 'recorded' | 'unreachable';

/** One call to the citizen — a fact, published as hotline.callback-recorded on its own. */
export interface CallbackAttempt {
  at: Date;
  operatorId: string;
  reached: boolean;
  satisfaction?: Satisfaction;
  resolved?: boolean;
  comment?: string;
}

/** The final word on a callback: the citizen's answer, or the case's verdict that they could not be reached. */
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
  /** `outcome` is present when the citizen answered: the callback is final. */
  | { ok: true; status: CallbackStatus; attempt: CallbackAttempt; outcome?: CallbackOutcome };

/**
 * 回访规则 on the hotline's side: every call is an attempt, recorded and published as it was made. A reached citizen
 * ends the callback with their satisfaction; an unanswered call leaves it pending — whether the attempts are
 * exhausted is the case's rule (libs/domain), and the case's closing settles the task (settle-callback).
 * A callback that is final takes nothing more.
 */
export function decideCallbackResult(task: { status: CallbackStatus }, input: CallbackResultInput, operatorId: string, at: Date): CallbackDecision {
  if (task.status === 'recorded') {
    return { ok: false, reason: { code: 'callback-already-recorded', zh: '该回访结果已登记', en: 'the callback result is already recorded' } };
  }
  if (task.status === 'unreachable') {
    return {
      ok: false,
      reason: { code: 'callback-closed-unreachable', zh: '该回访已因多次未接通结束', en: 'the callback was closed after unanswered attempts' },
    };
  }
  const attempt: CallbackAttempt = {
    at,
    operatorId,
    reached: input.reached,
    ...(input.reached && input.satisfaction ? { satisfaction: input.satisfaction } : {}),
    ...(input.reached && input.resolved !== undefined ? { resolved: input.resolved } : {}),
    ...(input.comment ? { comment: input.comment } : {}),
  };
  if (!input.reached) return { ok: true, status: 'pending', attempt };
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

/** The task's outcome once the case closed it as unreachable (by the domain's rule on the published attempts). */
export function unreachableOutcome(attempts: readonly CallbackAttempt[], closedAt: Date, note: string | undefined): CallbackOutcome {
  const last = attempts[attempts.length - 1];
  const said = `${attempts.length} 次回访未能联系到市民 citizen not reached after ${attempts.length} attempts`;
  return { reached: false, comment: note ? `${said}: ${note}` : said, recordedAt: closedAt, operatorId: last?.operatorId ?? 'case-workflow' };
}
