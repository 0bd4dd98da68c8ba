import { RenderedMessage } from '../notification-channel';

/** How one CivicFlow template maps onto a template registered in the 公众号 backend (WECHAT_TEMPLATES). */
export interface WechatTemplateConfig {
  templateId: string;
  /** WeChat field name → one of the rendered fields (first, caseNumber, category, unit, time, deadline, status, remark) */
  fields?: Record<string, string>;
  /** page the message opens; the message's console link is appended when this ends with '/' */
  url?: string;
}

/** The classic layout: {{first.DATA}} 案件编号 {{keyword1.DATA}} 状态 {{keyword2.DATA}} 时间 {{keyword3.DATA}} {{remark.DATA}} */
export const DEFAULT_WECHAT_FIELDS: Record<string, string> = {
  first: 'first',
  keyword1: 'caseNumber',
  keyword2: 'status',
  keyword3: 'time',
  remark: 'remark',
};

/** The documented request body of POST /cgi-bin/message/template/send. */
export interface WechatTemplateMessageBody {
  touser: string;
  template_id: string;
  url?: string;
  data: Record<string, { value: string }>;
}

/**
 * Builds the 模板消息 body: touser, template_id, optional url, data: { field: { value } }.
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html
 */
export function buildWechatTemplateMessage(openId: string, templateKey: string, message: RenderedMessage, config?: WechatTemplateConfig): WechatTemplateMessageBody {
  const fields = config?.fields ?? DEFAULT_WECHAT_FIELDS;
  const data = Object.fromEntries(
    Object.entries(fields)
      .filter(([, source]) => message.fields[source] !== undefined)
      .map(([field, source]) => [field, { value: message.fields[source] }]),
  );
  const url = config?.url && message.link && config.url.endsWith('/') ? `${config.url}${message.link.replace(/^\//, '')}` : config?.url;
  return { touser: openId, template_id: config?.templateId ?? `local:${templateKey}`, ...(url ? { url } : {}), data };
}
