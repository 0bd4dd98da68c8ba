import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@civicflow/platform';
import { CallerHistory, CallerHistoryDto, LookupCallerBody, LookupCallerQuery } from './lookup-caller.dto';
import { LookupCallerUseCase } from './lookup-caller.usecase';

@ApiTags('callers 来电人')
@ApiBearerAuth()
@Controller('api/v1/callers')
export class LookupCallerHttpController {
  constructor(private readonly lookupCaller: LookupCallerUseCase) {}

  /** 来电历史: the caller's earlier calls and their case numbers, newest first (masked number only). */
  @Get('lookup')
  @Roles('operator')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: CallerHistoryDto })
  lookup(@Query() query: LookupCallerQuery): Promise<CallerHistory> {
    return this.lookupCaller.execute(query.number, query.limit);
  }

  /** The same, with the number in the body rather than the URL — preferred by the console. */
  @Post('lookup')
  @HttpCode(200)
  @Roles('operator')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: CallerHistoryDto })
  lookupByBody(@Body() body: LookupCallerBody): Promise<CallerHistory> {
    return this.lookupCaller.execute(body.number, body.limit);
  }
}
