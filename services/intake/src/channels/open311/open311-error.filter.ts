import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { statusMessage } from '@civicflow/platform';
import { Open311Error, OPEN311_CONTENT_TYPES, Open311Format, renderOpen311Errors } from './open311.format';

/**
 * The format an error answers in: the one the client asked for by the resource's extension (also on a path that
 * does not exist), else by its Accept header; XML, the spec's required format, otherwise.
 */
export function formatOfRequest(request: Pick<Request, 'params' | 'path' | 'headers'>): Open311Format {
  const asked = (request.params as Record<string, string | undefined> | undefined)?.format ?? /\.(\w+)$/.exec(request.path ?? '')?.[1];
  if (asked === 'json' || asked === 'xml') return asked;
  const accept = String(request.headers?.accept ?? '');
  return /json/i.test(accept) && !/xml/i.test(accept) ? 'json' : 'xml';
}

const bilingual = (status: number) => `${statusMessage(status, 'zh-CN')} ${statusMessage(status, 'en')}`;

/** Any failure as GeoReport errors: the HTTP status, and one {code, description} per problem (one per bad field). */
export function open311ErrorsOf(exception: unknown): { status: number; errors: Open311Error[] } {
  if (exception instanceof ZodValidationException) {
    const issues = (exception.getZodError() as z.ZodError).issues;
    return { status: 400, errors: issues.map((i) => ({ code: 400, description: `${i.path.map(String).join('.') || '(body)'}: ${i.message}` })) };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const detail = typeof response === 'object' && response !== null ? (response as { message?: unknown; errors?: unknown }) : {};
    if (Array.isArray(detail.errors) && detail.errors.length > 0) {
      return { status, errors: (detail.errors as { field: string; reason: string }[]).map((e) => ({ code: status, description: `${e.field}: ${e.reason}` })) };
    }
    const message = typeof detail.message === 'string' ? detail.message : typeof response === 'string' ? response : bilingual(status);
    return { status, errors: [{ code: status, description: message }] };
  }
  // body parser failures (too large, bad charset) carry their own status
  const status = (exception as { status?: unknown } | undefined)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, errors: [{ code: status, description: bilingual(status) }] };
  return { status: 500, errors: [{ code: 500, description: bilingual(500) }] };
}

/** Open311 clients parse GeoReport errors, not CivicFlow's JSON error contract: this filter speaks their format. */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const format = formatOfRequest(request);
    const { status, errors } = open311ErrorsOf(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(status).type(OPEN311_CONTENT_TYPES[format]).send(renderOpen311Errors(format, errors));
  }
}
