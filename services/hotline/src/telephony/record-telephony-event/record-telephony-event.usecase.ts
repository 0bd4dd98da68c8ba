import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { telephonyCallV1 } from '@civicflow/contracts';
import { EventPublisher, PiiProtector } from '@civicflow/platform';
import { CALL_MODEL, CallDoc } from '../../calls/call.schema';
import { TELEPHONY_CALL_MODEL, TelephonyCallDoc } from '../telephony-call.schema';
import { TelephonyEventDto } from './telephony-event.dto';

/**
 * 来电弹屏: keeps the telephony call (by its reference) and tells the operator's console (hotline.telephony-call),
 * which opens a new call form with the number and the caller's history. A recording reported on hang-up (or
 * later) is put on the call the operator logged for it. Repeated events change nothing new.
 */
@Injectable()
export class RecordTelephonyEventUseCase {
  constructor(
    @InjectModel(TELEPHONY_CALL_MODEL) private readonly telephony: Model<TelephonyCallDoc>,
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    private readonly protector: PiiProtector,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(event: TelephonyEventDto): Promise<{ callRef: string; state: string }> {
    const at = event.at ? new Date(event.at) : new Date();
    const caller = this.protector.protect('phone', event.callerNumber);
    const stamp = { ringing: 'ringingAt', answered: 'answeredAt', 'hung-up': 'hungUpAt' }[event.event];
    const call = await this.telephony
      .findOneAndUpdate(
        { _id: event.callRef },
        {
          $set: { agentUserId: event.agent, state: event.event, [stamp]: at, ...(event.recordingRef ? { recordingRef: event.recordingRef } : {}) },
          $setOnInsert: { callerHash: caller.hash, callerEncrypted: caller.encrypted, callerMasked: caller.masked },
        },
        { upsert: true, new: true },
      )
      .lean<TelephonyCallDoc>();
    if (call?.callId && event.recordingRef) await this.calls.updateOne({ _id: call.callId }, { $set: { recordingRef: event.recordingRef } });
    await this.publisher.publish(telephonyCallV1, {
      id: `${event.callRef}:${event.event}`,
      key: event.callRef,
      correlationId: event.callRef,
      data: { callRef: event.callRef, state: event.event, agentUserId: event.agent, callerMasked: caller.masked, ...(event.recordingRef ? { recordingRef: event.recordingRef } : {}), at: at.toISOString() },
    });
    return { callRef: event.callRef, state: event.event };
  }
}
