import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import express, { Request, Response } from 'express';
import { Observable } from 'rxjs';

/**
 * GeoReport clients POST application/x-www-form-urlencoded. The services parse only JSON, so Open311 parses forms
 * itself — here rather than in a middleware, so that a bad form is answered by the Open311 error filter, in the
 * client's format. Flat parsing (`extended: false`): `attribute[code]` stays a plain key, read by collectAttributes.
 */
@Injectable()
export class Open311FormBodyInterceptor implements NestInterceptor {
  private readonly parseForm = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 });

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      this.parseForm(http.getRequest<Request>(), http.getResponse<Response>(), (error?: Error) => (error ? reject(error) : resolve()));
    });
    return next.handle();
  }
}
