import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { AuthUser, PiiProtector } from '@civicflow/platform';
import { CALLER_NUMBER_READ_MODEL, CallerNumberReadDoc } from '../../audit/caller-number-read.schema';
import { notFound } from '../../shared/http-errors';
import { CALL_MODEL, CallDoc } from '../call.schema';

export interface RevealedCallerNumber {
  callId: string;
  callerNumber: string;
  callerMasked: string;
  readId: string;
  readAt: string;
}

/**
 * 查看完整号码 — for a callback or a call that dropped. The read is recorded before the number is decrypted:
 * if the audit record cannot be written, the number is not shown.
 */
@Injectable()
export class ReadCallerNumberUseCase {
  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    @InjectModel(CALLER_NUMBER_READ_MODEL) private readonly reads: Model<CallerNumberReadDoc>,
    private readonly protector: PiiProtector,
  ) {}

  async execute(callId: string, reason: string, reader: AuthUser, now = new Date()): Promise<RevealedCallerNumber> {
    const call = await this.calls.findById(callId, { callerEncrypted: 1, callerMasked: 1 }).lean<Pick<CallDoc, '_id' | 'callerEncrypted' | 'callerMasked'>>().exec();
    if (!call) throw notFound(`来电 ${callId} 不存在`, `call ${callId} not found`);
    const read: CallerNumberReadDoc = {
      _id: randomUUID(),
      callId,
      callerMasked: call.callerMasked,
      reason,
      readerId: reader.userId,
      readerName: reader.name,
      readerRole: reader.role,
      readerUnitId: reader.unitId,
      readAt: now,
    };
    await this.reads.create(read);
    return { callId, callerNumber: this.protector.decrypt(call.callerEncrypted), callerMasked: call.callerMasked, readId: read._id, readAt: now.toISOString() };
  }
}
