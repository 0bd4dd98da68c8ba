import { DeliveryResult, describeError, NotificationChannel, OutgoingMessage } from '../notification-channel';
import { LocalSink } from '../sink/local-sink';
import { WechatAccessToken, WechatApiError } from './wechat-access-token';
import { buildWechatTemplateMessage, WechatTemplateConfig, WechatTemplateMessageBody } from './wechat-template-message';

type Fetch = typeof fetch;

/** errcodes meaning the token is stale: fetch a new one and try once more */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** errcodes no retry can fix: bad openid, template id or data, user unsubscribed or refused */
const PERMANENT_ERRORS = new Set([40003, 40037, 43004, 43101, 47003, 40036]);

export interface OfficialWechatOptions {
  apiBase: string;
  token: WechatAccessToken;
  http?: Fetch;
}

/** 公众号模板消息: the official API when configured, otherwise the request body goes into the local sink. */
export class WechatTemplateChannel implements NotificationChannel {
  readonly name = 'wechat' as const;

  constructor(
    private readonly templates: Record<string, WechatTemplateConfig>,
    private readonly provider: { kind: 'sink'; sink: LocalSink } | ({ kind: 'official' } & OfficialWechatOptions),
  ) {}

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    const config = this.templates[message.template];
    const body = buildWechatTemplateMessage(message.address, message.template, message.message, config);
    if (this.provider.kind === 'sink') return this.provider.sink.record(message, message.message.title, body);
    if (!config) return { ok: false, error: `no WeChat template configured for ${message.template} (WECHAT_TEMPLATES)`, permanent: true };
    return this.post(body, this.provider, true);
  }

  private async post(body: WechatTemplateMessageBody, official: OfficialWechatOptions, retryStaleToken: boolean): Promise<DeliveryResult> {
    let answer: { errcode?: number; errmsg?: string; msgid?: number };
    try {
      const url = new URL('/cgi-bin/message/template/send', official.apiBase);
      url.searchParams.set('access_token', await official.token.get());
      const response = await (official.http ?? fetch)(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      answer = (await response.json()) as typeof answer;
    } catch (error) {
      const permanent = error instanceof WechatApiError && [40013, 40125, 40164].includes(error.errcode); // bad appid/secret, IP not whitelisted
      return { ok: false, error: `WeChat: ${describeError(error)}`, permanent };
    }
    const errcode = answer.errcode ?? 0;
    if (errcode === 0) return { ok: true, providerMessageId: answer.msgid !== undefined ? String(answer.msgid) : undefined };
    if (TOKEN_ERRORS.has(errcode) && retryStaleToken) {
      official.token.invalidate();
      return this.post(body, official, false);
    }
    return { ok: false, error: `WeChat errcode ${errcode}: ${answer.errmsg ?? ''}`.trim(), permanent: PERMANENT_ERRORS.has(errcode) };
  }
}
