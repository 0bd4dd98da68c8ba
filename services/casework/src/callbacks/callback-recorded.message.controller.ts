import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { callbackRecordedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { recordCallbackUpdate } from '@civicflow/workflows';

type CallbackRecorded = EventEnvelope<EventData<typeof callbackRecordedV1>>;

/**
 * 回访结果 → the case: the hotline records the callback (hotline.callback-recorded); this hands it to the case
 * workflow as its recordCallback command, so a satisfied citizen closes the case and an unsatisfied one
 * reopens it. The event id is the Update id, so a redelivered event is the same Update, applied once.
 * A case that refuses (already closed, or no longer awaiting a callback) is logged and acknowledged:
 * retrying cannot change the answer. Anything else fails the message, which the transport retries and
 * then dead-letters.
 */
@Controller()
export class CallbackRecordedMessageController {
  private readonly logger = new Logger(CallbackRecordedMessageController.name);

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
      if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) {
        this.logger.warn(`回访结果未能记入案件 ${caseNumber} the case did not take callback ${callbackId}: ${error instanceof WorkflowUpdateFailedError ? (error.cause?.message ?? error.message) : error.message}`);
        return;
      }
      throw error;
    }
  }
}
