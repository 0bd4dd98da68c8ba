import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '@civicflow/platform';
import { CallbackLists } from '../callback-lists';
import { callbackTaskViewSchema, toCallbackTaskView } from '../callback-task.view';

class ListCallbacksQuery extends createZodDto(
  z.object({
    status: z.enum(['pending', 'recorded', 'unreachable']).default('pending'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
) {}

const callbackListSchema = z.object({ callbacks: z.array(callbackTaskViewSchema) });
class CallbackListDto extends createZodDto(callbackListSchema) {}

/** 回访任务列表: the operators' work list, soonest due first (the status's list, read by `_id`). */
@ApiTags('callbacks 回访')
@ApiBearerAuth()
@Controller('api/v1/callbacks')
export class ListCallbacksHttpController {
  constructor(private readonly lists: CallbackLists) {}

  @Get()
  @Roles('operator', 'supervisor')
  @ApiOkResponse({ type: CallbackListDto })
  async list(@Query() { status, limit }: ListCallbacksQuery): Promise<z.infer<typeof callbackListSchema>> {
    const now = new Date();
    const tasks = await this.lists.first(status, limit);
    return { callbacks: tasks.map((task) => toCallbackTaskView(task, now)) };
  }
}
