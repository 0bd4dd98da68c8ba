import { Controller, Get } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { Roles } from '@civicflow/platform';
import { CASE_MODEL, CaseDoc } from '../case.schema';
import { toCaseView } from '../case.view';

/** 人工派单队列: cases the router could not place (outside every grid, unknown address, no location), oldest first. */
@ApiTags('dispatch 派单')
@ApiBearerAuth()
@Controller('api/v1/dispatch/queue')
export class DispatchQueueHttpController {
  constructor(@InjectModel(CASE_MODEL) private readonly cases: Model<CaseDoc>) {}

  @Get()
  @Roles('dispatcher', 'supervisor')
  async list() {
    const waiting = await this.cases.find({ status: 'manual-queue' }).sort({ registeredAt: 1 }).limit(200).lean();
    return { total: waiting.length, cases: waiting.map(toCaseView) };
  }
}
