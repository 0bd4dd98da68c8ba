import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { callLoggedV1 } from '@civicflow/contracts';
import { AuthUser, CONFIG, EventPublisher } from '@civicflow/platform';
import { HotlineConfig } from '../../config';
import { CALL_MODEL, CallDoc } from '../call.schema';
import { CallerNumberProtector } from '../caller-number';
import { LogCallDto } from './log-call.dto';

export interface LoggedCall {
  callId: string;
  callerMasked: string;
  receivedAt: string;
}

/** Stores the call, then announces it; intake turns the announcement into a case. */
@Injectable()
export class LogCallUseCase {
  private readonly protector: CallerNumberProtector;

  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    private readonly publisher: EventPublisher,
    @Inject(CONFIG) config: HotlineConfig,
  ) {
    this.protector = new CallerNumberProtector(config.HOTLINE_CALLER_KEY);
  }

  async execute(call: LogCallDto, operator: AuthUser): Promise<LoggedCall> {
    const callId = randomUUID();
    const receivedAt = new Date();
    const callerMasked = this.protector.mask(call.callerNumber);
    const callerHash = this.protector.lookupHash(call.callerNumber);
    await this.calls.create({
      _id: callId,
      receivedAt,
      callerHash,
      callerEncrypted: this.protector.encrypt(call.callerNumber),
      callerMasked,
      content: call.content,
      requestType: call.requestType,
      urgency: call.urgency,
      categoryCode: call.categoryCode,
      address: call.address,
      location: call.location,
      operatorId: operator.userId,
    });
    await this.publisher.publish(callLoggedV1, {
      key: callId,
      correlationId: callId,
      actor: { userId: operator.userId, role: operator.role, unitId: operator.unitId },
      data: {
        callId,
        receivedAt: receivedAt.toISOString(),
        callerRef: callerHash,
        callerMasked,
        content: call.content,
        requestType: call.requestType,
        urgency: call.urgency,
        categoryCode: call.categoryCode,
        address: call.address,
        location: call.location,
      },
    });
    return { callId, callerMasked, receivedAt: receivedAt.toISOString() };
  }
}
