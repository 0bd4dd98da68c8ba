import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, throwError } from 'rxjs';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { isTransientError } from '../kafka/transient-error';
import { saidIn } from '@civicflow/contracts';
import { type Locale, localeFrom, statusMessage } from './error-messages';
import { type FieldError, fieldErrorsOf } from './field-reasons';
import { InvalidInput } from './invalid-input';

/** A use case's own field error may have no code; a schema's always has one. */
export type ErrorBodyField = Pick<FieldError, 'field' | 'reason'> & Partial<FieldError>;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: ErrorBodyField[];
  reason?: unknown;
}

/**
 * One error contract for every HTTP service: a status, a localized message, field errors for 400,
 * and never a stack trace. Body-parser failures (bad JSON → 400, too large → 413) arrive here too. A server the
 * request needs being away (database, Temporal, Kafka restarting; isTransientError) is 503 with Retry-After — the
 * caller may send the same request again — not a 500 that looks like a bug.
 * For Kafka event handlers the original error is passed on untouched, so the transport can retry it
 * and write its real cause on the dead letter (Nest's default would turn it into "Internal server error").
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const locale = localeFrom(req.headers['accept-language']);
    // a 503 of our own (an HttpException) keeps its message; any other transient failure gets the generic one
    if (isTransientError(exception) && !(exception instanceof HttpException)) {
      this.logger.warn(`${req.method} ${req.url}: a server is away (${exception instanceof Error ? exception.message : String(exception)}); answered 503`);
      res.setHeader('Retry-After', '1');
      res.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: statusMessage(503, locale) });
      return;
    }
    const body = this.toBody(exception, locale);
    if (body.statusCode === 503) {
      res.setHeader('Retry-After', '1');
      this.logger.warn(`${req.method} ${req.url}: 503 ${body.message}`);
    } else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, locale: Locale): ErrorBody {
    if (exception instanceof InvalidInput) {
      return { statusCode: 400, error: 'Bad Request', message: statusMessage(400, locale), errors: exception.errorsIn(locale) };
    }
    // a schema parsed outside parseInput (nestjs-zod's own pipe or guard): its messages are as zod wrote them
    if (exception instanceof ZodValidationException) {
      return { statusCode: 400, error: 'Bad Request', message: statusMessage(400, locale), errors: fieldErrorsOf((exception.getZodError() as z.ZodError).issues, locale) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const detail = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      return {
        statusCode: status,
        error: HttpStatus[status] ?? 'Error',
        message: typeof detail.message === 'string' ? detail.message : statusMessage(status, locale),
        ...(Array.isArray(detail.errors) ? { errors: (detail.errors as ErrorBodyField[]).map((e) => ({ ...e, reason: saidIn(String(e.reason), locale) ?? e.reason })) } : {}),
        ...(detail.reason !== undefined ? { reason: detail.reason } : {}),
      };
    }
    // body-parser and similar middleware errors carry an HTTP status of their own
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: string }).type;
      return {
        statusCode: status,
        error: HttpStatus[status] ?? 'Error',
        message: statusMessage(status, locale),
        ...(type === 'entity.parse.failed' ? { errors: [{ field: '(body)', code: 'malformed_json', reason: locale === 'en' ? 'malformed JSON' : 'JSON 格式错误' }] } : {}),
      };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: statusMessage(500, locale) };
  }
}
