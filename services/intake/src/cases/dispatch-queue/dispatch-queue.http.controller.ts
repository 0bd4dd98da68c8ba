import { Controller, Get } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { Roles } from '@civicflow/platform';
import { DISPATCH_QUEUE_MODEL, DispatchQueueEntryDoc } from './dispatch-queue.schema';

const LIMIT = 200;

/** 人工派单队列: cases waiting for a dispatcher — unplaced (outside every grid, unknown address, no location) or returned (退单), longest waiting first. */
@ApiTags('dispatch 派单')
@ApiBearerAuth()
@Controller('api/v1/dispatch/queue')
export class DispatchQueueHttpController {
  constructor(@InjectModel(DISPATCH_QUEUE_MODEL) private readonly queue: Model<DispatchQueueEntryDoc>) {}

  @Get()
  @Roles('dispatcher', 'supervisor')
  async list() {
    // the collection holds only the cases waiting now: read whole, ordered here
    const waiting = (await this.queue.find({}).lean<DispatchQueueEntryDoc[]>()).sort((a, b) => a.since.getTime() - b.since.getTime());
    return {
      total: waiting.length,
      cases: waiting.slice(0, LIMIT).map(({ _id, reason, ...entry }) => ({ caseNumber: _id, manualQueueReason: reason, ...entry })),
    };
  }
}
