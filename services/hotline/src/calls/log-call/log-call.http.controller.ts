import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { invalidField } from '../../shared/http-errors';
import { LogCallDto } from './log-call.dto';
import { LoggedCall, LogCallUseCase } from './log-call.usecase';

/** An idempotency key as clients make them: a UUID or any 8–64 letters, digits, `-` and `_`. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

@ApiTags('calls 来电')
@ApiBearerAuth()
@Controller('api/v1/calls')
export class LogCallHttpController {
  constructor(private readonly logCall: LogCallUseCase) {}

  /** 来电登记: accepted for case creation; the case number follows asynchronously from intake. */
  @Post()
  @HttpCode(202)
  @Roles('operator')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'one per call (the form makes it): the same key again answers with the call it logged (200, Idempotent-Replayed: true) instead of logging a second one. Without it every request is a call of its own: send one whenever a request may be retried' })
  @ApiAcceptedResponse({ description: 'call stored and announced; intake will register the case (or close it at once for a direct answer, or join it to joinCaseNumber)' })
  @ApiBadRequestResponse({ description: 'invalid fields; an unknown category, a request type the category does not take, an unknown or retired article, a malformed Idempotency-Key' })
  @ApiConflictResponse({ description: 'the Idempotency-Key belongs to another operator’s call' })
  async log(@Body() call: LogCallDto, @CurrentUser() operator: AuthUser, @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response): Promise<LoggedCall> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw invalidField('Idempotency-Key', '幂等键须为8–64位字母、数字、- 或 _', 'must be 8–64 letters, digits, - or _');
    }
    const logged = await this.logCall.execute(call, operator, idempotencyKey);
    if (logged.replayed) {
      res.status(200);
      res.setHeader('idempotent-replayed', 'true');
    }
    return logged;
  }
}
