import { says } from '@civicflow/contracts';
import { ArgumentsHost, BadRequestException, ConflictException, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { HttpErrorFilter } from './http-exception.filter';
import { parseInput } from './invalid-input';

function respond(exception: unknown, acceptLanguage?: string) {
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
  const res = {
    status: (s: number) => { sent.status = s; return res; },
    json: (b: Record<string, unknown>) => { sent.body = b; },
    setHeader: (name: string, value: string) => { sent.headers[name] = value; },
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => ({ method: 'POST', url: '/x', headers: { 'accept-language': acceptLanguage } }), getResponse: () => res }) };
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

  it('says each field’s reason in Chinese, or in English when asked, with its path and code', () => {
    const schema = z.object({ content: z.string().trim().min(1), location: z.object({ lat: z.number().max(90) }) });
    const refused = () => { try { parseInput(schema, { content: ' ', location: { lat: 100 } }); } catch (error) { return error; } };
    expect(respond(refused()).body).toEqual({ statusCode: 400, error: 'Bad Request', message: '请求参数无效', errors: [
      { field: 'content', code: 'too_small', reason: '不能为空', params: { origin: 'string', minimum: 1, inclusive: true } },
      { field: 'location.lat', code: 'too_big', reason: '不能大于 90', params: { origin: 'number', maximum: 90, inclusive: true } },
    ] });
    expect(respond(refused(), 'en-GB,en;q=0.8').body).toMatchObject({ message: 'Invalid request', errors: [{ field: 'content', code: 'too_small', reason: 'must not be empty' }, { field: 'location.lat', code: 'too_big', reason: 'must be at most 90' }] });
    // a use case's own field error written with says() follows the language too
    const own = new BadRequestException({ message: '请求参数无效 invalid request', errors: [{ field: 'startsAt', reason: says('调解开始时间不能早于当前时间', 'the session cannot start in the past') }] });
    expect(respond(own, 'en').body).toMatchObject({ errors: [{ field: 'startsAt', reason: 'the session cannot start in the past' }] });
    expect(respond(own).body).toMatchObject({ errors: [{ field: 'startsAt', reason: '调解开始时间不能早于当前时间' }] });
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
    expect(malformed.body).toMatchObject({ statusCode: 400, errors: [{ field: '(body)', code: 'malformed_json', reason: 'JSON 格式错误' }] });
    const internal = respond(new Error('connection string mongodb://secret@host'));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal.body)).not.toContain('secret');
  });

  it('answers 503 with Retry-After when a server the request needs is away, never a 500', () => {
    const temporalAway = Object.assign(new Error('Workflow Update failed'), { name: 'ServiceError', cause: Object.assign(new Error('14 UNAVAILABLE: connection refused'), { code: 14, details: 'connection refused' }) });
    const answer = respond(temporalAway, 'en');
    expect(answer).toEqual({ status: 503, headers: { 'Retry-After': '1' }, body: { statusCode: 503, error: 'Service Unavailable', message: 'Service unavailable' } });
    expect(respond(Object.assign(new Error('connection refused'), { name: 'MongoServerSelectionError' })).status).toBe(503);
    // a 503 of the service's own keeps its message (what is missing, and that it may be sent again)
    const ours = respond(new ServiceUnavailableException({ message: '网格数据尚未加载 the grid dataset is not loaded yet' }));
    expect(ours).toEqual({ status: 503, headers: { 'Retry-After': '1' }, body: { statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: '网格数据尚未加载 the grid dataset is not loaded yet' } });
  });
});
