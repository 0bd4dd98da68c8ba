import { api, ApiError, download, inLocale, messageOf, upload } from './client';

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

  describe('asks the services in the user’s language, so a 400 names each field’s reason in it', () => {
    const asked: (string | undefined)[] = [];
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) };
    const refusal = (language: string | undefined) => (language === 'en'
      ? { statusCode: 400, message: 'Invalid request', errors: [{ field: 'content', code: 'too_small', reason: 'must not be empty' }] }
      : { statusCode: 400, message: '请求参数无效', errors: [{ field: 'content', code: 'too_small', reason: '不能为空' }] });
    beforeAll(() => {
      Object.assign(globalThis, { localStorage: storage, sessionStorage: storage });
      globalThis.fetch = (async (_url: string, init: RequestInit) => {
        const language = (init.headers as Record<string, string>)['accept-language'];
        asked.push(language);
        return new Response(JSON.stringify(refusal(language)), { status: 400, headers: { 'content-type': 'application/json' } });
      }) as typeof fetch;
    });
    afterAll(() => {
      delete (globalThis as { localStorage?: unknown }).localStorage;
      delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
    });

    it.each([['zh-CN', '请求参数无效: content 不能为空'], ['en', 'Invalid request: content must not be empty']])('in %s: api, upload and download', async (locale, said) => {
      store.set('civicflow.locale', locale);
      asked.length = 0;
      await expect(api('hotline/calls', { body: {} })).rejects.toMatchObject({ status: 400, message: said });
      await expect(upload('intake/reports/app', new FormData())).rejects.toMatchObject({ message: said });
      await expect(download('export/statistics', {}, 'x.csv')).rejects.toMatchObject({ message: said });
      expect(asked).toEqual([locale, locale, locale]);
    });
  });
});
