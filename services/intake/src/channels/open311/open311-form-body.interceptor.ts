import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import express, { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { malformedMultipart } from '@civicflow/platform';

type Middleware = (request: Request, response: Response, next: (error?: unknown) => void) => void;

/**
 * GeoReport clients POST application/x-www-form-urlencoded, some multipart/form-data (the api_key among the
 * fields). The services parse only JSON, so Open311 parses both itself — here rather than in a middleware, so that
 * a bad body is answered by the Open311 error filter, in the client's format. Flat parsing (`extended: false`):
 * `attribute[code]` stays a plain key, read by collectAttributes. Files in a multipart body are not read (GeoReport
 * sends photos as media_url).
 */
@Injectable()
export class Open311FormBodyInterceptor implements NestInterceptor {
  private readonly parseForm: Middleware = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 });
  private readonly parseMultipart: Middleware = multer({
    storage: multer.memoryStorage(),
    limits: { fields: 100, fieldSize: 64 * 1024, files: 0 },
  }).none();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const parse = request.is('multipart/form-data') ? this.parseMultipart : this.parseForm;
    await new Promise<void>((resolve, reject) => {
      parse(request, http.getResponse<Response>(), (error?: unknown) => (error ? reject(multipartError(error)) : resolve()));
    });
    return next.handle();
  }
}

function multipartError(error: unknown): Error {
  const code = (error as { code?: string }).code;
  if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') {
    return new BadRequestException({ message: '不接收文件,照片请用 media_url files are not taken; send a photo as media_url' });
  }
  if (code === 'LIMIT_FIELD_VALUE' || code === 'LIMIT_FIELD_COUNT') return new PayloadTooLargeException({ message: '表单过大 the form is too large' });
  // body-parser's errors carry their HTTP status, which the Open311 error filter answers with; busboy's (no
  // boundary, a truncated body) carry none and are the client's mistake
  if (typeof (error as { status?: unknown }).status === 'number') return error as Error;
  return malformedMultipart(error);
}
