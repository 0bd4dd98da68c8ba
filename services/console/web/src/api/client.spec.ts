import { ApiError, inLocale, messageOf } from './client';

describe('what the user is told when a request fails', () => {
  it('says a refusal once, in the user’s language', () => {
    const body = { statusCode: 409, message: '案件已签收 (case already accepted)', reason: { code: 'already-accepted', zh: '案件已签收', en: 'case already accepted' } };
    expect(messageOf(body, 409, 'zh-CN')).toBe('案件已签收');
    expect(messageOf(body, 409, 'en')).toBe('case already accepted');
  });

  it('takes the half of a bilingual message in the user’s language', () => {
    expect(inLocale('案件 20261128-000001 不存在 case not found', 'zh-CN')).toBe('案件 20261128-000001 不存在');
    expect(inLocale('案件 20261128-000001 不存在 case not found', 'en')).toBe('case not found');
    expect(inLocale('尚未开始 not started yet', 'en')).toBe('not started yet');
    expect(inLocale('已签收', 'en')).toBe('已签收');
    expect(inLocale('only English here', 'zh-CN')).toBe('only English here');
  });

  it('names the fields at fault', () => {
    expect(messageOf({ statusCode: 400, message: '请求参数无效', errors: [{ field: 'content', reason: 'must describe the request' }] }, 400, 'zh-CN')).toBe('请求参数无效: content must describe the request');
  });

  it('never shows a server’s internals: our own words, the service named', () => {
    expect(messageOf({ statusCode: 502, message: '受理服务(intake)暂不可用 the intake service is unavailable', service: 'intake' }, 502, 'en')).toBe('The service is unavailable right now (intake); try again shortly');
    expect(messageOf('<html>Internal error at Foo.bar</html>', 500, 'zh-CN')).toBe('服务器出错了,请稍后重试;如一再出现请联系管理员');
    expect(messageOf('<html>gateway</html>', 413, 'en')).toBe('Too large');
  });

  it('classifies what went wrong', () => {
    expect(new ApiError(0, 'x', null).kind).toBe('offline');
    expect(new ApiError(401, 'x', null).kind).toBe('unauthorized');
    expect(new ApiError(409, 'x', null).kind).toBe('refused');
    expect(new ApiError(503, 'x', null).kind).toBe('server');
  });
});
