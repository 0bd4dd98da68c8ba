import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { caseNumberSchema } from '@civicflow/contracts';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { CASE_FACTS, CaseFactsReader } from '../../cases/case-facts';
import { mayReadCase } from '../../deliveries/list-deliveries/deliveries.http.controller';
import { maskPhone } from '../../recipients/recipient';
import { SinkLists } from './sink-lists';

class SinkQuery extends createZodDto(
  z.object({ caseNumber: caseNumberSchema, channel: z.enum(['sms', 'wechat', 'email']).optional() }),
) {}

/** 本地发送记录: what the local SMS / WeChat sinks "sent" for a case (addresses masked; the sink keeps them sealed). */
@ApiTags('notifications 通知')
@ApiBearerAuth()
@Controller('api/v1/sink/messages')
export class SinkHttpController {
  constructor(private readonly lists: SinkLists, @Inject(CASE_FACTS) private readonly cases: CaseFactsReader) {}

  @Get()
  @Roles('supervisor', 'admin')
  async list(@Query() query: SinkQuery, @CurrentUser() user: AuthUser) {
    if (!(await mayReadCase(this.cases, user, query.caseNumber))) return { caseNumber: query.caseNumber, messages: [] };
    const found = await this.lists.ofCase(query.caseNumber, 200, query.channel);
    return {
      caseNumber: query.caseNumber,
      messages: found.map((m) => ({
        deliveryId: m._id,
        channel: m.channel,
        to: m.toSealed ? m.to : m.channel === 'sms' ? maskPhone(m.to) : '****', // older records kept the address in clear
        template: m.template,
        text: m.text,
        payload: m.payload,
        at: new Date(m.at).toISOString(),
      })),
    };
  }
}
