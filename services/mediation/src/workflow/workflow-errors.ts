import { ConflictException, HttpException, ServiceUnavailableException } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { notFound, Refusal } from '../shared/http-errors';
import { MEDIATION_COMMAND_REJECTED } from './mediation-contract';

/**
 * What the Temporal client threw for a mediation command → the HTTP answer: the domain's refusal → 409 with its
 * reason {code, zh, en}; an unknown dispute workflow → 404; an Update that timed out → 503. Anything else is
 * rethrown (500 without internals).
 */
export function toHttpError(error: unknown, disputeId: string): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof WorkflowNotFoundError) return notFound(`纠纷 ${disputeId} 的调解流程不存在`, `no mediation workflow for dispute ${disputeId}`);
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type === MEDIATION_COMMAND_REJECTED) {
      const reason = asRefusal(cause.details?.[0]) ?? { code: MEDIATION_COMMAND_REJECTED, zh: cause.message, en: cause.message };
      return new ConflictException({ message: `${reason.zh} (${reason.en})`, reason });
    }
    return new ConflictException({ message: `调解流程拒绝了该命令 the mediation refused the command: ${cause?.message ?? error.message}` });
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new ServiceUnavailableException({ message: '调解流程暂未响应，请稍后重试 the mediation did not answer in time; retry' });
  }
  return error;
}


function asRefusal(value: unknown): Refusal | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { code, zh, en } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof zh === 'string' && typeof en === 'string' ? { code, zh, en } : undefined;
}
