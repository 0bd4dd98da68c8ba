import { Body, Controller, Headers, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { CONFIG, Public } from '@civicflow/platform';
import { HotlineConfig } from '../../config';
import { TelephonyEventDto } from './telephony-event.dto';
import { RecordTelephonyEventUseCase } from './record-telephony-event.usecase';

/**
 * 来电弹屏 — where the call centre's telephony system (CTI) reports its calls: ringing, answered, hung up, with the
 * caller's number, the agent (the operator's user name) and the recording. Authenticated by the key the city gives
 * its telephony system (HOTLINE_TELEPHONY_KEY); `scripts/telephony-simulator.mjs` shows the calls it makes.
 */
@ApiTags('telephony 来电弹屏')
@Controller('api/v1/telephony/events')
export class RecordTelephonyEventHttpController {
  constructor(private readonly record: RecordTelephonyEventUseCase, @Inject(CONFIG) private readonly config: HotlineConfig) {}

  @Public() // the telephony system is no user: it shows its key instead of a token
  @Post()
  @HttpCode(202)
  @ApiHeader({ name: 'X-Telephony-Key', required: true, description: 'the key configured as HOTLINE_TELEPHONY_KEY' })
  @ApiAcceptedResponse({ description: 'recorded; the operator’s console opens a call form with the number (ringing, answered) or shows the call ended (hung-up)' })
  async receive(@Body() event: TelephonyEventDto, @Headers('x-telephony-key') key: string | undefined) {
    const expected = this.config.HOTLINE_TELEPHONY_KEY;
    // no key configured: no telephony system is connected, so no caller can prove it is one (a 401, not a server
    // fault: there is nothing to retry)
    if (!expected) throw new UnauthorizedException({ message: '未配置话务系统接入密钥,不接收话务事件 HOTLINE_TELEPHONY_KEY is not set: no telephony system is connected' });
    if (!key || !sameKey(key, expected)) throw new UnauthorizedException({ message: '话务系统密钥无效 wrong or missing X-Telephony-Key' });
    return this.record.execute(event);
  }
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
