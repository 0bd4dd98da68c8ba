import { Clock } from '../../clock/clock';

type Fetch = typeof fetch;

/** Refresh this long before WeChat says the token expires, so a token is never used in its last minutes. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export class WechatApiError extends Error {
  constructor(readonly errcode: number, errmsg: string) {
    super(`WeChat errcode ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/**
 * The 公众号 access_token (GET /cgi-bin/token?grant_type=client_credential, valid 7200 s), fetched once and
 * shared until shortly before it expires; concurrent callers wait for the same request. WeChat limits how
 * often a token may be fetched per day, so never fetching per message matters.
 * https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html
 */
export class WechatAccessToken {
  private cached?: { token: string; refreshAt: number };
  private inFlight?: Promise<string>;

  constructor(
    private readonly options: { appId: string; appSecret: string; apiBase: string },
    private readonly clock: Clock,
    private readonly http: Fetch = fetch,
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.clock.now().getTime() < this.cached.refreshAt) return this.cached.token;
    this.inFlight ??= this.fetchToken().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Forget the token (WeChat said it is invalid or expired, e.g. another system fetched a new one). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const url = new URL('/cgi-bin/token', this.options.apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.options.appId, secret: this.options.appSecret }).toString();
    const response = await this.http(url, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    if (!body.access_token) throw new WechatApiError(body.errcode ?? -1, body.errmsg ?? `HTTP ${response.status}`);
    const lifetimeMs = (body.expires_in ?? 7200) * 1000;
    this.cached = { token: body.access_token, refreshAt: this.clock.now().getTime() + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2) };
    return body.access_token;
  }
}
