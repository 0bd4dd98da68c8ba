import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { callbackTaskViewSchema, CallbackTaskView } from '../callback-task.view';
import { RecordCallbackDto } from './record-callback.dto';
import { RecordCallbackUseCase } from './record-callback.usecase';

class CallbackTaskDto extends createZodDto(callbackTaskViewSchema) {}

@ApiTags('callbacks 回访')
@ApiBearerAuth()
@Controller('api/v1/callbacks')
export class RecordCallbackHttpController {
  constructor(private readonly recordCallback: RecordCallbackUseCase) {}

  /**
   * 登记回访结果: reached → final with satisfaction (published); not reached → an attempt, the task stays pending,
   * and the third unanswered attempt closes it as unreachable (published).
   */
  @Post(':callbackId/result')
  @HttpCode(200)
  @Roles('operator')
  @ApiOkResponse({ type: CallbackTaskDto })
  @ApiBadRequestResponse({ description: 'reached without satisfaction, or satisfaction without reaching the citizen' })
  @ApiConflictResponse({ description: 'the callback is already final' })
  record(@Param('callbackId') callbackId: string, @Body() body: RecordCallbackDto, @CurrentUser() operator: AuthUser): Promise<CallbackTaskView> {
    return this.recordCallback.execute(callbackId, body, operator);
  }
}
