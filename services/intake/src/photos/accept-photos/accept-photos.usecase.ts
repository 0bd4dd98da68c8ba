import { Inject, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import { says } from '@civicflow/contracts';
import { PHOTO_STORAGE, PhotoStorage } from '../photo-storage';
import { PhotoContentType, sniffPhotoType } from '../photo-type';
import { PHOTO_FIELD } from '../photo-upload.interceptor';

/** A photo as a report keeps it: the stored photo's id, its real type and size, and the name it was sent under. */
export interface ReportPhoto {
  photoId: string;
  url?: string;
  contentType: PhotoContentType;
  bytes: number;
  originalName?: string;
}

/** What the upload interceptor hands over for each photo. */
export interface UploadedPhoto {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const ACCEPTED = 'JPEG, PNG, WebP';

/**
 * Checks every photo of a report by its bytes, then stores them. All or nothing: one bad photo refuses the report
 * before anything is stored, so the resident fixes it and sends the report again as a whole.
 */
@Injectable()
export class AcceptPhotosUseCase {
  constructor(@Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage) {}

  async execute(files: readonly UploadedPhoto[] = []): Promise<ReportPhoto[]> {
    const checked = files.map((file) => ({ file, contentType: sniffPhotoType(file.buffer) }));
    const refused = checked.find((c) => c.contentType === undefined);
    if (refused) {
      const name = refused.file.originalname;
      throw new UnsupportedMediaTypeException({
        message: `文件"${name}"不是 ${ACCEPTED} 照片 file "${name}" is not a ${ACCEPTED} photo (its content is not an image of these types, whatever its name or declared type "${refused.file.mimetype}")`,
        errors: [{ field: PHOTO_FIELD, code: 'not_a_photo', reason: says(`${name}：不是 ${ACCEPTED} 图片`, `${name}: not a ${ACCEPTED} image`) }],
      });
    }
    const accepted: ReportPhoto[] = [];
    for (const { file, contentType } of checked) {
      const ref = await this.storage.put(file.buffer, { contentType: contentType!, originalName: file.originalname });
      accepted.push({ ...ref, contentType: contentType!, bytes: file.size, originalName: file.originalname });
    }
    return accepted;
  }
}
