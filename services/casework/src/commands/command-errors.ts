import { BadRequestException, ConflictException, HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { CASE_COMMAND_REJECTED, CommandRejection, INVALID_CASE_COMMAND } from '@civicflow/workflows';

export function caseNotFound(caseNumber: string): NotFoundException {
  return new NotFoundException({ message: `案件 ${caseNumber} 不存在 case not found` });
}

/**
 * Turns what the Temporal client threw for a case command (or query) into the HTTP answer: an unknown case
 * → 404; the domain's refusal → 409 with its reason {code, zh, en}; a malformed argument → 400 with the
 * field; a timed-out update → 503. Anything else is not ours to explain and is rethrown (500).
 */
export function toHttpError(error: unknown, caseNumber: string): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof WorkflowNotFoundError) return caseNotFound(caseNumber);
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure) {
      const detail = cause.details?.[0];
      if (cause.type === CASE_COMMAND_REJECTED) {
        const reason = asRejection(detail) ?? { code: 'CASE_COMMAND_REJECTED', zh: cause.message, en: cause.message };
        return new ConflictException({ message: `${reason.zh} (${reason.en})`, reason });
      }
      if (cause.type === INVALID_CASE_COMMAND) {
        const field = detail && typeof detail === 'object' ? (detail as { field?: unknown; reason?: unknown }) : {};
        return new BadRequestException({
          message: `命令参数无效 invalid command: ${cause.message}`,
          errors: [{ field: typeof field.field === 'string' ? field.field : '(body)', reason: typeof field.reason === 'string' ? field.reason : cause.message }],
        });
      }
    }
    return new ConflictException({ message: `案件拒绝了该命令 the case refused the command: ${error.cause?.message ?? error.message}` });
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new ServiceUnavailableException({ message: '案件暂未响应,请稍后重试 the case did not answer in time; retry with the same request id' });
  }
  return error;
}

function asRejection(value: unknown): CommandRejection | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { code, zh, en } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof zh === 'string' && typeof en === 'string' ? { code, zh, en } : undefined;
}
