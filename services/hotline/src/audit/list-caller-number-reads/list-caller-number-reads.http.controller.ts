import { Controller, Get, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '@civicflow/platform';
import { CALLER_NUMBER_READ_MODEL, CallerNumberReadDoc } from '../caller-number-read.schema';

const listQuerySchema = z.object({
  callId: z.string().min(1).optional(),
  readerId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
class ListCallerNumberReadsQuery extends createZodDto(listQuerySchema) {}

const readsSchema = z.object({
  reads: z.array(
    z.object({
      readId: z.string(),
      callId: z.string(),
      callerMasked: z.string(),
      reason: z.string(),
      reader: z.object({ userId: z.string(), name: z.string(), role: z.string(), unitId: z.string() }),
      readAt: z.string(),
    }),
  ),
});
class CallerNumberReadsDto extends createZodDto(readsSchema) {}

/** 号码查看审计: supervisors see who read which full number, when and why. */
@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('api/v1/audit/caller-number-reads')
export class ListCallerNumberReadsHttpController {
  constructor(@InjectModel(CALLER_NUMBER_READ_MODEL) private readonly reads: Model<CallerNumberReadDoc>) {}

  @Get()
  @Roles('supervisor')
  @ApiOkResponse({ type: CallerNumberReadsDto })
  async list(@Query() { callId, readerId, limit }: ListCallerNumberReadsQuery): Promise<z.infer<typeof readsSchema>> {
    const filter = { ...(callId ? { callId } : {}), ...(readerId ? { readerId } : {}) };
    const docs = await this.reads.find(filter).sort({ readAt: -1 }).limit(limit).lean<CallerNumberReadDoc[]>().exec();
    return {
      reads: docs.map((d) => ({
        readId: d._id,
        callId: d.callId,
        callerMasked: d.callerMasked,
        reason: d.reason,
        reader: { userId: d.readerId, name: d.readerName, role: d.readerRole, unitId: d.readerUnitId },
        readAt: d.readAt.toISOString(),
      })),
    };
  }
}
