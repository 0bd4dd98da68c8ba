import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { says } from '@civicflow/contracts';

/**
 * The body types CivicFlow's services read: JSON everywhere, forms where a route parses them itself (photo uploads,
 * Open311's GeoReport clients, the OAuth token endpoint). Anything else would reach a handler unparsed.
 */
export const BODY_MEDIA_TYPES = ['application/json', 'application/*+json', 'multipart/form-data', 'application/x-www-form-urlencoded'];

/**
 * Express middleware: a request that carries a body of a type no service reads is 415, naming the type, before a
 * handler finds its body missing (an empty body with no type, as GET and DELETE send, passes).
 */
export function refuseUndeclaredMediaType(req: Request, _res: Response, next: NextFunction): void {
  const type = req.headers['content-type'];
  const carriesBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!carriesBody || req.is(BODY_MEDIA_TYPES)) return next();
  const given = type ? type.split(';')[0].trim() : '(none)';
  next(
    new UnsupportedMediaTypeException({
      message: `不支持的内容类型 ${given},请求体请用 application/json unsupported media type ${given}: send the body as application/json`,
      errors: [{
        field: 'Content-Type',
        code: 'unsupported_media_type',
        reason: says(
          `此处不读取 ${given}，请用 application/json（表单接口：multipart/form-data 或 application/x-www-form-urlencoded）`,
          `${given} is not read here; use application/json (form endpoints: multipart/form-data or application/x-www-form-urlencoded)`,
        ),
      }],
    }),
  );
}

/** A multipart body the parser could not read (no boundary, truncated, malformed): the caller's mistake, a 400. */
export function malformedMultipart(error: unknown): BadRequestException {
  const detail = error instanceof Error ? error.message : String(error);
  return new BadRequestException({
    message: `表单数据格式错误 malformed multipart/form-data: ${detail}`,
    errors: [{ field: '(body)', code: 'malformed_multipart', reason: says(`表单数据格式错误：${detail}`, `malformed multipart/form-data: ${detail}`) }],
  });
}
