import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags } from '@nestjs/swagger';
import { LogCallDto } from './log-call.dto';
import { LoggedCall, LogCallUseCase } from './log-call.usecase';

@ApiTags('calls 来电')
@Controller('api/v1/calls')
export class LogCallHttpController {
  constructor(private readonly logCall: LogCallUseCase) {}

  /** 来电登记: accepted for case creation; the case number follows asynchronously from intake. */
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'call stored and announced; intake will register the case' })
  log(@Body() call: LogCallDto): Promise<LoggedCall> {
    // TODO(issue 3): take the operator from the bearer token once auth lands.
    return this.logCall.execute(call, 'operator-demo');
  }
}
