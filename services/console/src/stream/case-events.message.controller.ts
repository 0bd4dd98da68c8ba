import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CASE_EVENT_TYPES, CaseEventEnvelope } from '@civicflow/contracts';
import { caseUpdateOf } from './case-update';
import { LiveStreamHub } from './live-stream.hub';

/** Case lifecycle events → `case-updated` on the live streams of the users they concern. */
@Controller()
export class CaseEventsMessageController {
  constructor(private readonly hub: LiveStreamHub) {}

  @EventPattern(CASE_EVENT_TYPES)
  onCaseEvent(@Payload() event: CaseEventEnvelope): void {
    this.hub.publish(caseUpdateOf(event));
  }
}
