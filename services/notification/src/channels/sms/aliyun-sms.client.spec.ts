import { AliyunSmsClient } from './aliyun-sms.client';
import { signRpcV1 } from './aliyun-signature';

const options = {
  accessKeyId: 'testId',
  accessKeySecret: 'testSecret',
  signName: '北丰12345',
  endpoint: 'https://dysmsapi.example.test/',
  templates: { 'case-registered.citizen': 'SMS_276410001' },
};
const request = {
  phone: '13900001111',
  template: 'case-registered.citizen',
  fields: { caseNumber: '20260310-000042', category: '路灯不亮', unit: '阳光社区', first: 'ignored', remark: 'ignored' },
  outId: 'abc',
};

function fakeFetch(answer: unknown, status = 200) {
  const calls: { url: string; init: RequestInit }[] = [];
  const http = (async (url: string | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { http, calls };
}

describe('Alibaba Cloud SendSms client', () => {
  const nonce = () => '45e25e9b-0a6f-4070-8c85-2956eda1b466';
  const now = () => new Date('2026-03-10T02:42:19.123Z');

  it('posts a signed form whose signature verifies over the other parameters', async () => {
    const { http, calls } = fakeFetch({ Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5' });
    const result = await new AliyunSmsClient(options, http, nonce, now).send(request);
    expect(result).toEqual({ ok: true, providerMessageId: '900619746936498440^0' });

    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe(options.endpoint);
    expect(calls[0].init.method).toBe('POST');
    const form = new URLSearchParams(calls[0].init.body as string);
    const params = Object.fromEntries([...form].filter(([name]) => name !== 'Signature'));
    expect(params).toMatchObject({
      Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13900001111', SignName: '北丰12345', TemplateCode: 'SMS_276410001',
      Timestamp: '2026-03-10T02:42:19Z', SignatureNonce: nonce(), OutId: 'abc',
    });
    // only the template's own variables travel, never WeChat-only fields
    expect(JSON.parse(params.TemplateParam)).toEqual({ caseNumber: '20260310-000042', category: '路灯不亮', unit: '阳光社区' });
    expect(form.get('Signature')).toBe(signRpcV1('POST', params, 'testSecret'));
  });

  it('fails permanently without a template code, and without calling the provider', async () => {
    const { http, calls } = fakeFetch({});
    const result = await new AliyunSmsClient(options, http, nonce, now).send({ ...request, template: 'case-resolved.citizen' });
    expect(result).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining('ALIYUN_SMS_TEMPLATES') });
    expect(calls).toHaveLength(0);
  });

  it('tells a rejected number (permanent) from flow control (worth retrying)', async () => {
    const illegal = await new AliyunSmsClient(options, fakeFetch({ Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' }).http).send(request);
    expect(illegal).toEqual({ ok: false, permanent: true, error: 'Alibaba Cloud SMS isv.MOBILE_NUMBER_ILLEGAL: 非法手机号' });
    const limited = await new AliyunSmsClient(options, fakeFetch({ Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控' }).http).send(request);
    expect(limited).toMatchObject({ ok: false, permanent: false });
  });

  it('treats an unreachable endpoint as retryable', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await new AliyunSmsClient(options, down).send(request)).toEqual({ ok: false, error: 'Alibaba Cloud SMS unreachable: fetch failed' });
  });
});
