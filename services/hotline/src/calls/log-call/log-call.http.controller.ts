import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { LogCallDto } from './log-call.dto';
import { LoggedCall, LogCallUseCase } from './log-call.usecase';

@ApiTags('calls 来电')
@ApiBearerAuth()
@Controller('api/v1/calls')
export class LogCallHttpController {
  constructor(private readonly logCall: LogCallUseCase) {}

  /** 来电登记: accepted for case creation; the case number follows asynchronously from intake. */
  @Post()
  @HttpCode(202)
  @Roles('operator')
  @ApiAcceptedResponse({ description: 'call stored and announced; intake will register the case (or close it at once for a direct answer)' })
  @ApiBadRequestResponse({ description: 'invalid fields; an unknown category, a request type the category does not take, an unknown or retired article' })
  log(@Body() call: LogCallDto, @CurrentUser() operator: AuthUser): Promise<LoggedCall> {
    return this.logCall.execute(call, operator);
  }
}
