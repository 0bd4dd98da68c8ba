import { saidIn } from '@civicflow/contracts';
import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import express, { Request, Response } from 'express';
import { malformedMultipart, refuseUndeclaredMediaType } from './request-body';

/** What the middleware passes on for a request with these headers: nothing (go on) or the error. */
function verdict(headers: Record<string, string>): unknown {
  const req = Object.assign(Object.create(express.request) as Request, { headers });
  let passed: unknown = 'not called';
  refuseUndeclaredMediaType(req, {} as Response, (error?: unknown) => (passed = error));
  return passed;
}

describe('request body types', () => {
  it('lets JSON, the forms and bodiless requests through', () => {
    expect(verdict({ 'content-type': 'application/json; charset=utf-8', 'content-length': '2' })).toBeUndefined();
    expect(verdict({ 'content-type': 'application/merge-patch+json', 'content-length': '2' })).toBeUndefined();
    expect(verdict({ 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' })).toBeUndefined();
    expect(verdict({ 'content-type': 'application/x-www-form-urlencoded', 'content-length': '5' })).toBeUndefined();
    // a GET or DELETE with a stray type and no body
    expect(verdict({ 'content-type': 'text/plain' })).toBeUndefined();
    expect(verdict({ 'content-type': 'text/plain', 'content-length': '0' })).toBeUndefined();
  });

  it('answers a body of any other type (or none given) with 415 naming it, in Chinese and English', () => {
    const plain = verdict({ 'content-type': 'text/plain;charset=UTF-8', 'content-length': '7' });
    expect(plain).toBeInstanceOf(UnsupportedMediaTypeException);
    expect((plain as UnsupportedMediaTypeException).getResponse()).toMatchObject({
      message: expect.stringMatching(/^不支持的内容类型 text\/plain.*unsupported media type text\/plain/),
      errors: [{ field: 'Content-Type', reason: expect.stringContaining('application/json') }],
    });
    expect((verdict({ 'content-length': '7' }) as UnsupportedMediaTypeException).getStatus()).toBe(415);
    expect(verdict({ 'content-type': 'application/xml', 'transfer-encoding': 'chunked' })).toBeInstanceOf(UnsupportedMediaTypeException);
  });

  it('makes a malformed multipart body a 400 with a code and the parser’s reason, said in Chinese and English', () => {
    const error = malformedMultipart(new Error('Multipart: Boundary not found'));
    expect(error).toBeInstanceOf(BadRequestException);
    const [field] = (error.getResponse() as { errors: { field: string; code: string; reason: string }[] }).errors;
    expect(field).toMatchObject({ field: '(body)', code: 'malformed_multipart' });
    expect(saidIn(field.reason, 'zh-CN')).toBe('表单数据格式错误：Multipart: Boundary not found');
    expect(saidIn(field.reason, 'en')).toBe('malformed multipart/form-data: Multipart: Boundary not found');
  });
});
