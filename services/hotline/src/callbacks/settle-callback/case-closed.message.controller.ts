import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { caseClosedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { SettleCallbackUseCase } from './settle-callback.usecase';

/** case.closed (as unreachable) → the case's pending callback task ends as unreachable. */
@Controller()
export class CaseClosedMessageController {
  constructor(private readonly settleCallback: SettleCallbackUseCase) {}

  @EventPattern(caseClosedV1.type)
  async onCaseClosed(@Payload() event: EventEnvelope<EventData<typeof caseClosedV1>>): Promise<void> {
    await this.settleCallback.execute(event);
  }
}
