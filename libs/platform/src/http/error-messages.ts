export type Locale = 'zh-CN' | 'en';

/** Messages of the HTTP error contract, Chinese first. */
const messages: Record<number, Record<Locale, string>> = {
  400: { 'zh-CN': '请求参数无效', en: 'Invalid request' },
  401: { 'zh-CN': '未登录或登录已过期', en: 'Not authenticated' },
  403: { 'zh-CN': '无权访问该资源', en: 'Not allowed' },
  404: { 'zh-CN': '资源不存在', en: 'Not found' },
  409: { 'zh-CN': '当前状态不允许该操作', en: 'Not allowed in the current state' },
  413: { 'zh-CN': '请求内容过大', en: 'Payload too large' },
  415: { 'zh-CN': '不支持的内容类型', en: 'Unsupported media type' },
  500: { 'zh-CN': '服务器内部错误,请稍后重试', en: 'Internal error, please retry later' },
  503: { 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
};

export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'zh-CN';
}

export function statusMessage(status: number, locale: Locale): string {
  return (messages[status] ?? messages[status >= 500 ? 500 : 400])[locale];
}
