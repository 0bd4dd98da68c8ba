import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { AuthUser, CurrentUser, PiiProtector, Roles } from '@civicflow/platform';
import { TELEPHONY_CALL_MODEL, TelephonyCallDoc } from '../telephony-call.schema';

/** 来电弹屏: the call ringing at this operator, with the number to fill in — for the operator it rings at only. */
@ApiTags('telephony 来电弹屏')
@ApiBearerAuth()
@Controller('api/v1/telephony/calls')
export class GetTelephonyCallHttpController {
  constructor(@InjectModel(TELEPHONY_CALL_MODEL) private readonly telephony: Model<TelephonyCallDoc>, private readonly protector: PiiProtector) {}

  @Get(':callRef')
  @Roles('operator')
  @ApiOperation({ summary: '{ callRef, state, callerNumber, callerMasked, recordingRef? } of a call at the signed-in operator (404 for anyone else’s)' })
  async get(@Param('callRef') callRef: string, @CurrentUser() operator: AuthUser) {
    const call = await this.telephony.findById(callRef).lean<TelephonyCallDoc>();
    if (!call || call.agentUserId !== operator.userId) throw new NotFoundException({ message: `来电 ${callRef} 不在您的坐席 no such call at your seat` });
    return {
      callRef, state: call.state, callerNumber: this.protector.decrypt(call.callerEncrypted), callerMasked: call.callerMasked,
      ...(call.recordingRef ? { recordingRef: call.recordingRef } : {}),
    };
  }
}
