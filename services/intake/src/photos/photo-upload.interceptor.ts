import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { says } from '@civicflow/contracts';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { malformedMultipart } from '@civicflow/platform';
import { Observable } from 'rxjs';
import { formatBytes, PHOTOS_SETTINGS, PhotosSettings } from './photos.config';

/** The multipart field that carries photos. */
export const PHOTO_FIELD = 'photos';

/**
 * Reads a multipart/form-data report: text fields into `req.body`, up to `maxCount` photos of at most `maxBytes`
 * each into `req.files` (memory: four photos of 5 MB are small next to a request's life). Unlike Nest's
 * FilesInterceptor it answers each limit in the service's error contract, naming the photo that broke it.
 * Requests that are not multipart (a JSON report without photos) pass through untouched.
 */
@Injectable()
export class PhotoUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<multer.Multer['array']>;

  constructor(@Inject(PHOTOS_SETTINGS) private readonly settings: PhotosSettings) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: settings.maxBytes, files: settings.maxCount, fields: 30, fieldSize: 16 * 1024, parts: 40 },
    }).array(PHOTO_FIELD, settings.maxCount);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) => {
        if (error) reject(this.toHttpError(error));
        else resolve();
      });
    });
    return next.handle();
  }

  private toHttpError(error: unknown): HttpException {
    if (error instanceof HttpException) return error;
    // busboy's own complaints: a truncated or malformed multipart body
    if (!(error instanceof MulterError)) return malformedMultipart(error);
    const { maxBytes, maxCount } = this.settings;
    // multer 2 names the file in the error; its type definitions do not know that yet
    const name = (error as MulterError & { filename?: string }).filename ?? error.field ?? PHOTO_FIELD;
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new PayloadTooLargeException({
          message: `照片"${name}"超过 ${formatBytes(maxBytes)} 上限 photo "${name}" is larger than the ${formatBytes(maxBytes)} limit`,
          errors: [{ field: PHOTO_FIELD, code: 'photo_too_large', reason: says(`${name}：超过 ${formatBytes(maxBytes)} 上限`, `${name}: larger than ${formatBytes(maxBytes)}`) }],
        });
      case 'LIMIT_FILE_COUNT':
        return tooMany(maxCount);
      case 'LIMIT_UNEXPECTED_FILE':
        // multer reports a file beyond maxCount in the photos field the same way as a file in a field it does not expect
        if (error.field === PHOTO_FIELD) return tooMany(maxCount);
        return new BadRequestException({
          message: `字段"${error.field}"不接受文件,照片请放在"${PHOTO_FIELD}"字段 field "${error.field}" takes no file; send photos as "${PHOTO_FIELD}"`,
          errors: [{ field: error.field ?? '(body)', code: 'unexpected_file', reason: says(`此字段不接受文件，照片请放在"${PHOTO_FIELD}"字段`, `takes no file; send photos as "${PHOTO_FIELD}"`) }],
        });
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_COUNT':
        return new PayloadTooLargeException({ message: `表单字段过多 too many form fields (${error.message})` });
      default:
        return new BadRequestException({
          message: `表单数据无效 invalid form data: ${error.message}`,
          errors: [{ field: error.field ?? '(body)', code: 'invalid_form_data', reason: says(`表单数据无效：${error.message}`, error.message) }],
        });
    }
  }
}

function tooMany(maxCount: number): BadRequestException {
  return new BadRequestException({
    message: `照片最多 ${maxCount} 张 at most ${maxCount} photos per report`,
    errors: [{ field: PHOTO_FIELD, code: 'too_many_photos', reason: says(`照片最多 ${maxCount} 张`, `at most ${maxCount} photos`) }],
  });
}
