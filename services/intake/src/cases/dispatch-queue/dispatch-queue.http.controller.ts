import { Controller, Get } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { Roles } from '@civicflow/platform';
import { waitingListKey, WaitingLists } from '../../shared/waiting-lists';
import { DISPATCH_QUEUE_MODEL, DispatchQueueEntryDoc } from './dispatch-queue.schema';

const LIMIT = 200;

/** 人工派单队列: cases waiting for a dispatcher — unplaced (outside every grid, unknown address, no location) or returned (退单), longest waiting first. */
@ApiTags('dispatch 派单')
@ApiBearerAuth()
@Controller('api/v1/dispatch/queue')
export class DispatchQueueHttpController {
  constructor(@InjectModel(DISPATCH_QUEUE_MODEL) private readonly queue: Model<DispatchQueueEntryDoc>, private readonly waiting: WaitingLists) {}

  @Get()
  @Roles('dispatcher', 'supervisor')
  async list() {
    // the page by _id, longest waiting first (the list is kept by the projection beside the entries)
    const { total, entries } = await this.waiting.page(waitingListKey.dispatch, LIMIT, (id) => this.queue.findById(id).lean<DispatchQueueEntryDoc>(), (e) => e.since);
    return {
      total,
      cases: entries.map(({ _id, reason, ...entry }) => ({ caseNumber: _id, manualQueueReason: reason, ...entry })),
    };
  }
}
