import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { saidIn } from '@civicflow/contracts';
import { fieldErrorsOf, InvalidInput, type Locale, localeFrom, statusMessage } from '@civicflow/platform';
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

/**
 * Any failure as GeoReport errors: the HTTP status, and one {code, description} per problem (one per bad field).
 * The spec's `code` is the HTTP status clients branch on; a field's description is `field: reason`, the reason in
 * Chinese unless the client asks for English (Accept-Language: en).
 */
export function open311ErrorsOf(exception: unknown, locale: Locale = 'zh-CN'): { status: number; errors: Open311Error[] } {
  const described = (errors: { field: string; reason: string }[]) => errors.map((e) => ({ code: 400, description: `${e.field}: ${saidIn(e.reason, locale) ?? e.reason}` }));
  if (exception instanceof InvalidInput) return { status: 400, errors: described(exception.errorsIn(locale)) };
  if (exception instanceof ZodValidationException) return { status: 400, errors: described(fieldErrorsOf((exception.getZodError() as z.ZodError).issues, locale)) };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const detail = typeof response === 'object' && response !== null ? (response as { message?: unknown; errors?: unknown }) : {};
    if (Array.isArray(detail.errors) && detail.errors.length > 0) {
      return { status, errors: described(detail.errors as { field: string; reason: string }[]).map((e) => ({ ...e, code: status })) };
    }
    const message = typeof detail.message === 'string' ? detail.message : typeof response === 'string' ? response : bilingual(status);
    return { status, errors: [{ code: status, description: message }] };
  }
  // body parser failures (too large, bad charset) carry their own status
  const status = (exception as { status?: unknown } | undefined)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, errors: [{ code: status, description: bilingual(status) }] };
  return { status: 500, errors: [{ code: 500, description: bilingual(500) }] };
}

/** Answers a failure as GeoReport errors, in the format the request asked for. */
export function answerAsOpen311(exception: unknown, request: Request, response: Response, logger: Logger): void {
  const format = formatOfRequest(request);
  const { status, errors } = open311ErrorsOf(exception, localeFrom(request.headers?.['accept-language']));
  if (status >= 500) logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  response.status(status).type(OPEN311_CONTENT_TYPES[format]).send(renderOpen311Errors(format, errors));
}

/** Open311 clients parse GeoReport errors, not CivicFlow's JSON error contract: this filter speaks their format. */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerAsOpen311(exception, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

/**
 * The same for what fails before a route is chosen (an undeclared body type 415, a body too large 413, a malformed
 * or hostile body 400): express error middleware for /open311, where the controller's filter cannot reach.
 */
export function open311ErrorMiddleware(): (error: unknown, request: Request, response: Response, next: NextFunction) => void {
  const logger = new Logger('Open311');
  return (error, request, response, next) => {
    if (response.headersSent) return next(error);
    answerAsOpen311(error, request, response, logger);
  };
}
