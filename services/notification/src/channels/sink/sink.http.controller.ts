import { Controller, Get, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { caseNumberSchema } from '@civicflow/contracts';
import { Roles } from '@civicflow/platform';
import { maskPhone } from '../../recipients/recipient';
import { SINK_MESSAGE_MODEL, SinkMessageDoc } from './sink-message.schema';

class SinkQuery extends createZodDto(
  z.object({ caseNumber: caseNumberSchema, channel: z.enum(['sms', 'wechat', 'email']).optional() }),
) {}

/** 本地发送记录: what the local SMS / WeChat sinks "sent" for a case (phone numbers masked). */
@ApiTags('notifications 通知')
@ApiBearerAuth()
@Controller('api/v1/sink/messages')
export class SinkHttpController {
  constructor(@InjectModel(SINK_MESSAGE_MODEL) private readonly messages: Model<SinkMessageDoc>) {}

  @Get()
  @Roles('supervisor', 'admin')
  async list(@Query() query: SinkQuery) {
    const found = await this.messages
      .find({ caseNumber: query.caseNumber, ...(query.channel ? { channel: query.channel } : {}) })
      .sort({ at: 1 })
      .limit(200)
      .lean<SinkMessageDoc[]>();
    return {
      caseNumber: query.caseNumber,
      messages: found.map((m) => ({
        deliveryId: m._id,
        channel: m.channel,
        to: m.channel === 'sms' ? maskPhone(m.to) : m.to,
        template: m.template,
        text: m.text,
        payload: m.payload,
        at: new Date(m.at).toISOString(),
      })),
    };
  }
}
