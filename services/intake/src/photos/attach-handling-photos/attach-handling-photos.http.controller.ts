import { BadRequestException, Controller, Get, HttpCode, Param, Post, Query, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { says } from '@civicflow/contracts';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { CaseDetailQuery } from '../../cases/get-case/case-detail.query';
import { AcceptPhotosUseCase, UploadedPhoto } from '../accept-photos/accept-photos.usecase';
import { PhotoUploadInterceptor } from '../photo-upload.interceptor';
import { CASE_ATTACHMENTS_MODEL, CaseAttachmentsDoc, HandlingPhoto } from './case-attachments.schema';

class AttachQuery extends createZodDto(z.object({ stage: z.enum(['before', 'after']).describe('整改前 before the work, 整改后 after it') })) {}

/**
 * 办理照片: the photos handlers take at the place before and after the work (from the phone's camera on the field
 * page), kept with the case by intake, which keeps every photo of a case. Whoever may read the case may add and see them.
 */
@ApiTags('photos 照片')
@ApiBearerAuth()
@Controller('api/v1/cases/:caseNumber/photos')
export class AttachHandlingPhotosHttpController {
  constructor(
    private readonly acceptPhotos: AcceptPhotosUseCase,
    private readonly details: CaseDetailQuery,
    @InjectModel(CASE_ATTACHMENTS_MODEL) private readonly attachments: Model<CaseAttachmentsDoc>,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('grid-worker', 'community-handler', 'street-coordinator', 'department-liaison', 'mediator')
  @UseInterceptors(PhotoUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Adds photos (multipart field `photos`, up to 4) taken before or after the work: { before: [...], after: [...] }' })
  async attach(@Param('caseNumber') caseNumber: string, @Query() { stage }: AttachQuery, @UploadedFiles() files: UploadedPhoto[] | undefined, @CurrentUser() user: AuthUser) {
    if (!files?.length) throw new BadRequestException({ message: '请附上照片 no photo', errors: [{ field: 'photos', code: 'no_photo', reason: says('须至少附一张照片', 'at least one photo is required') }] });
    await this.details.forUser(caseNumber, user); // 404 for no such case, 403 for one the user may not read
    const at = new Date();
    const photos: HandlingPhoto[] = (await this.acceptPhotos.execute(files)).map((p) => ({ photoId: p.photoId, url: p.url ?? `/api/v1/photos/${p.photoId}`, contentType: p.contentType, by: user.userId, at }));
    await this.attachments.updateOne({ _id: caseNumber }, { $addToSet: { [stage]: { $each: photos } } }, { upsert: true });
    return this.list(caseNumber, user);
  }

  @Get()
  @ApiOperation({ summary: 'The photos taken before and after the work: { before: [{ photoId, url, by, at }], after: [...] }' })
  async list(@Param('caseNumber') caseNumber: string, @CurrentUser() user: AuthUser) {
    await this.details.forUser(caseNumber, user);
    const found = await this.attachments.findById(caseNumber).lean<CaseAttachmentsDoc>();
    return { before: found?.before ?? [], after: found?.after ?? [] };
  }
}
