import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { caseProjectedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { caseUpdateOf } from './case-update';
import { LiveStreamHub } from './live-stream.hub';

/** Casework's read model shows a case event → `case-updated` on the live streams of the users who see the case. */
@Controller()
export class CaseEventsMessageController {
  constructor(private readonly hub: LiveStreamHub) {}

  @EventPattern(caseProjectedV1.type)
  onCaseProjected(@Payload() event: EventEnvelope<EventData<typeof caseProjectedV1>>): void {
    this.hub.publish(caseUpdateOf(event));
  }
}
