import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { eventCatalog, EventEnvelope } from '@civicflow/contracts';
import { caseUpdateOf } from './case-update';
import { LiveStreamHub } from './live-stream.hub';

/** Every case-lifecycle event type of the catalog. */
export const CASE_EVENT_TYPES = [...new Set(eventCatalog.filter((c) => c.type.startsWith('case.')).map((c) => c.type))];

/** Case lifecycle events → `case-updated` on the live streams of the users they concern. */
@Controller()
export class CaseEventsMessageController {
  constructor(private readonly hub: LiveStreamHub) {}

  @EventPattern(CASE_EVENT_TYPES)
  onCaseEvent(@Payload() event: EventEnvelope): void {
    this.hub.publish(caseUpdateOf(event));
  }
}
