import { ArgumentsHost, ConflictException, Logger, NotFoundException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { HttpErrorFilter } from './http-exception.filter';

function respond(exception: unknown, acceptLanguage?: string) {
  const sent: { status?: number; body?: Record<string, unknown> } = {};
  const res = { status: (s: number) => { sent.status = s; return res; }, json: (b: Record<string, unknown>) => { sent.body = b; } };
  const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => ({ headers: { 'accept-language': acceptLanguage } }), getResponse: () => res }) };
  new HttpErrorFilter().catch(exception, host as unknown as ArgumentsHost);
  return sent;
}

describe('HttpErrorFilter', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  it('answers invalid bodies with 400 and the path and reason of each bad field', () => {
    const parsed = z.object({ location: z.object({ lat: z.number().max(90) }) }).safeParse({ location: { lat: 100 } });
    const { status, body } = respond(new ZodValidationException(parsed.error));
    expect(status).toBe(400);
    expect(body).toMatchObject({ message: '请求参数无效', errors: [{ field: 'location.lat', reason: expect.any(String) }] });
  });

  it('speaks English when asked', () => {
    expect(respond(new NotFoundException(), 'en-US,en;q=0.9').body).toMatchObject({ statusCode: 404, message: 'Not Found' });
    expect(respond(new Error('boom'), 'en').body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal error, please retry later' });
  });

  it('keeps the reason of a 409 so the user learns why the command was refused', () => {
    const reason = { code: 'already-accepted', zh: '案件已签收', en: 'case already accepted' };
    const { status, body } = respond(new ConflictException({ message: '案件已签收', reason }));
    expect(status).toBe(409);
    expect(body).toMatchObject({ message: '案件已签收', reason });
  });

  it('maps body-parser errors to their status and never leaks internals of unknown errors', () => {
    expect(respond(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' })).status).toBe(413);
    const malformed = respond(Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed' }));
    expect(malformed.body).toMatchObject({ statusCode: 400, errors: [{ field: '(body)', reason: 'malformed JSON' }] });
    const internal = respond(new Error('connection string mongodb://secret@host'));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal.body)).not.toContain('secret');
  });
});
