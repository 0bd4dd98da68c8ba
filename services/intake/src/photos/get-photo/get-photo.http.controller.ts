import { Controller, Get, Header, Inject, NotFoundException, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { PHOTO_ID_PATTERN, PHOTO_STORAGE, PhotoStorage } from '../photo-storage';

class PhotoIdParam extends createZodDto(
  z.object({ photoId: z.string().regex(PHOTO_ID_PATTERN, says('须为照片编号（64 位小写十六进制数字）', 'must be a photo id (64 lower-case hex digits)')) }),
) {}

/**
 * Report photos for staff. Any signed-in role may look: photos show a place and a problem, and every role that
 * reads cases needs to see them. A photo id is the sha256 of its bytes, so it is not a secret — the token is the
 * protection, not the id.
 */
@ApiTags('photos 照片')
@ApiBearerAuth()
@Controller('api/v1/photos')
export class GetPhotoHttpController {
  constructor(@Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage) {}

  @Get(':photoId')
  // the bytes behind an id never change; the browser may keep them, but no shared cache may
  @Header('Cache-Control', 'private, max-age=31536000, immutable')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOkResponse({ description: 'the photo (image/jpeg, image/png or image/webp)' })
  async get(@Param() { photoId }: PhotoIdParam): Promise<StreamableFile> {
    const photo = await this.storage.get(photoId);
    if (!photo) throw new NotFoundException({ message: `照片 ${photoId} 不存在 photo not found` });
    return new StreamableFile(photo.bytes, { type: photo.contentType, length: photo.bytes.length });
  }
}
