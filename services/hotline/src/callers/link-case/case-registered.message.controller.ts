import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { caseRegisteredV1, duplicateMergedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { LinkCaseUseCase } from './link-case.usecase';

/**
 * case.registered (a call became a case) and intake.duplicate-merged (a call joined an open case) → call ↔ case.
 * Idempotent: the transport skips event ids it has seen, and a link that exists is left as it is.
 */
@Controller()
export class CaseLinkMessageController {
  constructor(private readonly linkCase: LinkCaseUseCase) {}

  @EventPattern(caseRegisteredV1.type)
  async onCaseRegistered(@Payload() event: EventEnvelope<EventData<typeof caseRegisteredV1>>): Promise<void> {
    const { channel, sourceRef, caseNumber, registeredAt } = event.data;
    if (channel !== 'hotline') return;
    await this.linkCase.execute(sourceRef, { caseNumber, kind: 'registered', linkedAt: new Date(registeredAt) });
  }

  @EventPattern(duplicateMergedV1.type)
  async onDuplicateMerged(@Payload() event: EventEnvelope<EventData<typeof duplicateMergedV1>>): Promise<void> {
    const { channel, sourceRef, masterCaseNumber } = event.data;
    if (channel !== 'hotline') return;
    await this.linkCase.execute(sourceRef, { caseNumber: masterCaseNumber, kind: 'merged', linkedAt: new Date(event.time) });
  }
}
