import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { caseResolvedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { ScheduleCallbackUseCase } from './schedule-callback.usecase';

/** case.resolved → a callback task (回访). Idempotent by event id (transport) and by case number + resolvedAt (task id). */
@Controller()
export class CaseResolvedMessageController {
  constructor(private readonly scheduleCallback: ScheduleCallbackUseCase) {}

  @EventPattern(caseResolvedV1.type)
  async onCaseResolved(@Payload() event: EventEnvelope<EventData<typeof caseResolvedV1>>): Promise<void> {
    await this.scheduleCallback.execute(event);
  }
}
