import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { ReadCallerNumberUseCase, RevealedCallerNumber } from './read-caller-number.usecase';

class ReadCallerNumberQuery extends createZodDto(
  z.object({ reason: z.string().trim().min(2, says('须说明查看完整号码的原因（如 回访、来电中断回拨）', 'say why the full number is needed (e.g. 回访, 来电中断回拨)')).max(200) }),
) {}

class RevealedCallerNumberDto extends createZodDto(
  z.object({ callId: z.string(), callerNumber: z.string(), callerMasked: z.string(), readId: z.string(), readAt: z.string() }),
) {}

@ApiTags('calls 来电')
@ApiBearerAuth()
@Controller('api/v1/calls')
export class ReadCallerNumberHttpController {
  constructor(private readonly readCallerNumber: ReadCallerNumberUseCase) {}

  /** 查看完整号码: operators only, with a reason; every read is recorded for supervisors. */
  @Get(':callId/caller-number')
  @Roles('operator')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: RevealedCallerNumberDto })
  @ApiForbiddenResponse({ description: 'anyone but an operator' })
  read(@Param('callId') callId: string, @Query() { reason }: ReadCallerNumberQuery, @CurrentUser() reader: AuthUser): Promise<RevealedCallerNumber> {
    return this.readCallerNumber.execute(callId, reason, reader);
  }
}
