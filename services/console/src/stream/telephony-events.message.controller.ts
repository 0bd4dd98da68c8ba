import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventData, EventEnvelope, ScreenPopMessage, telephonyCallV1 } from '@civicflow/contracts';
import { LiveStreamHub } from './live-stream.hub';

/** The telephony system's calls → `screen-pop` on the live streams of the operator each call is at. */
@Controller()
export class TelephonyEventsMessageController {
  constructor(private readonly hub: LiveStreamHub) {}

  @EventPattern(telephonyCallV1.type)
  onTelephonyCall(@Payload() event: EventEnvelope<EventData<typeof telephonyCallV1>>): void {
    const { callRef, state, agentUserId, callerMasked, recordingRef, at } = event.data;
    const message: ScreenPopMessage = { type: 'screen-pop', callRef, state, callerMasked, ...(recordingRef ? { recordingRef } : {}), at };
    this.hub.publishTo((user) => user.userId === agentUserId && user.role === 'operator', message);
  }
}
