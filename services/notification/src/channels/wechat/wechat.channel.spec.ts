import { ManualClock } from '../../clock/clock';
import { OutgoingMessage } from '../notification-channel';
import { WechatAccessToken } from './wechat-access-token';
import { buildWechatTemplateMessage } from './wechat-template-message';
import { WechatTemplateChannel } from './wechat.channel';

const message: OutgoingMessage = {
  deliveryId: 'evt-1|citizen:caller-hash-1|wechat',
  channel: 'wechat',
  template: 'case-registered.citizen',
  eventType: 'case.registered',
  caseNumber: '20260310-000042',
  recipient: { kind: 'citizen', id: 'caller-hash-1' },
  address: 'oWx-openid-1',
  locale: 'zh-CN',
  urgent: false,
  message: {
    title: '诉求已受理 20260310-000042',
    body: '…',
    sms: '您反映的问题已受理，编号20260310-000042。',
    fields: { first: '诉求已受理 20260310-000042', caseNumber: '20260310-000042', status: '已受理', time: '2026年3月10日 10:00', remark: '您反映的问题已受理，编号20260310-000042。' },
    link: '/cases/20260310-000042',
  },
};

/** A scripted WeChat API: answers token and send calls in order, and records them. */
function fakeWechat(...answers: unknown[]) {
  const calls: { url: URL; init?: RequestInit }[] = [];
  const http = (async (url: string | URL, init?: RequestInit) => {
    calls.push({ url: new URL(String(url)), init });
    return new Response(JSON.stringify(answers.shift() ?? { errcode: -1, errmsg: 'unexpected call' }));
  }) as typeof fetch;
  return { http, calls };
}

describe('WeChat template messages (公众号模板消息)', () => {
  it('builds the documented body: touser, template_id, url, data.{field}.value', () => {
    const body = buildWechatTemplateMessage('oWx-openid-1', 'case-registered.citizen', message.message, {
      templateId: 'ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY',
      fields: { first: 'first', character_string1: 'caseNumber', phrase2: 'status', time3: 'time' },
      url: 'https://12345.example.gov.cn/',
    });
    expect(body).toEqual({
      touser: 'oWx-openid-1',
      template_id: 'ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY',
      url: 'https://12345.example.gov.cn/cases/20260310-000042',
      data: {
        first: { value: '诉求已受理 20260310-000042' },
        character_string1: { value: '20260310-000042' },
        phrase2: { value: '已受理' },
        time3: { value: '2026年3月10日 10:00' },
      },
    });
    // the classic first/keyword1…/remark layout when nothing is configured
    expect(Object.keys(buildWechatTemplateMessage('o', 'k', message.message).data)).toEqual(['first', 'keyword1', 'keyword2', 'keyword3', 'remark']);
  });

  it('fetches the access token once and reuses it until shortly before it expires', async () => {
    const clock = new ManualClock('2026-03-10T02:00:00Z');
    const { http, calls } = fakeWechat({ access_token: 'TOKEN-1', expires_in: 7200 }, { access_token: 'TOKEN-2', expires_in: 7200 });
    const token = new WechatAccessToken({ appId: 'wx123', appSecret: 's3cret', apiBase: 'https://api.weixin.example.test' }, clock, http);
    expect(await Promise.all([token.get(), token.get()])).toEqual(['TOKEN-1', 'TOKEN-1']); // one request for concurrent callers
    clock.advance(110 * 60_000);
    expect(await token.get()).toBe('TOKEN-1');
    clock.advance(6 * 60_000); // 116 min: inside the 5-minute margin before 120
    expect(await token.get()).toBe('TOKEN-2');
    expect(calls.map((c) => [c.url.pathname, c.url.searchParams.get('grant_type'), c.url.searchParams.get('appid')])).toEqual([
      ['/cgi-bin/token', 'client_credential', 'wx123'],
      ['/cgi-bin/token', 'client_credential', 'wx123'],
    ]);
  });

  it('sends with the token, and fetches a new one once when WeChat says it expired', async () => {
    const clock = new ManualClock('2026-03-10T02:00:00Z');
    const { http, calls } = fakeWechat(
      { access_token: 'OLD', expires_in: 7200 },
      { errcode: 42001, errmsg: 'access_token expired' },
      { access_token: 'NEW', expires_in: 7200 },
      { errcode: 0, errmsg: 'ok', msgid: 200228332 },
    );
    const apiBase = 'https://api.weixin.example.test';
    const channel = new WechatTemplateChannel(
      { 'case-registered.citizen': { templateId: 'TPL-1' } },
      { kind: 'official', apiBase, http, token: new WechatAccessToken({ appId: 'wx123', appSecret: 's', apiBase }, clock, http) },
    );
    expect(await channel.send(message)).toEqual({ ok: true, providerMessageId: '200228332' });
    const sends = calls.filter((c) => c.url.pathname === '/cgi-bin/message/template/send');
    expect(sends.map((c) => c.url.searchParams.get('access_token'))).toEqual(['OLD', 'NEW']);
    expect(JSON.parse(sends[1].init?.body as string)).toMatchObject({ touser: 'oWx-openid-1', template_id: 'TPL-1' });
  });

  it('fails for good when the user unsubscribed or no template is configured', async () => {
    const clock = new ManualClock('2026-03-10T02:00:00Z');
    const apiBase = 'https://api.weixin.example.test';
    const { http } = fakeWechat({ access_token: 'T', expires_in: 7200 }, { errcode: 43004, errmsg: 'require subscribe' });
    const official = { kind: 'official' as const, apiBase, http, token: new WechatAccessToken({ appId: 'wx', appSecret: 's', apiBase }, clock, http) };
    const channel = new WechatTemplateChannel({ 'case-registered.citizen': { templateId: 'TPL-1' } }, official);
    expect(await channel.send(message)).toEqual({ ok: false, error: 'WeChat errcode 43004: require subscribe', permanent: true });
    expect(await new WechatTemplateChannel({}, official).send(message)).toMatchObject({ ok: false, permanent: true });
  });
});
