import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { callbackRecordedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { RefusedEventError } from '@civicflow/platform';
import { recordCallbackUpdate } from '@civicflow/workflows';

type CallbackRecorded = EventEnvelope<EventData<typeof callbackRecordedV1>>;

/**
 * 回访结果 → the case: the hotline records every callback attempt (hotline.callback-recorded); this hands each to
 * the case workflow as its recordCallback command, and the domain settles the case — a satisfied citizen closes
 * it, an unsatisfied one reopens it, exhausted unanswered attempts close it as unreachable. The event id is the
 * Update id, so a redelivered event is the same Update, applied once.
 * A case that refuses the fact (no such case, already closed, not awaiting a callback) is never acknowledged
 * silently: the refusal goes to the dead-letter topic at once with the case's reason, replayable with
 * `npm run dlt -- replay`. Anything else fails the message, which the transport retries and then dead-letters.
 */
@Controller()
export class CallbackRecordedMessageController {
  constructor(private readonly temporal: Client) {}

  @EventPattern(callbackRecordedV1.type)
  async onCallbackRecorded(@Payload() event: CallbackRecorded): Promise<void> {
    const { caseNumber, callbackId, reached, satisfaction, comment } = event.data;
    const actor = { userId: event.actor?.userId ?? 'hotline', role: 'operator' as const, unitId: event.actor?.unitId ?? 'hotline' };
    try {
      await this.temporal.workflow.getHandle(caseNumber).executeUpdate(recordCallbackUpdate, {
        args: [{ actor, reached, satisfaction, comment, callbackId }],
        updateId: event.id,
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw new RefusedEventError(`案件 ${caseNumber} 拒绝回访记录 ${callbackId} the case refused callback ${callbackId}: ${error.cause?.message ?? error.message}`);
      }
      if (error instanceof WorkflowNotFoundError) {
        throw new RefusedEventError(`案件 ${caseNumber} 不存在 no case ${caseNumber} for callback ${callbackId}: ${error.message}`);
      }
      throw error;
    }
  }
}
