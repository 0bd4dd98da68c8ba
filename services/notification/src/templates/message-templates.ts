import { Locale } from '../recipients/recipient';

/** The facts a notice carries into its message; the renderer turns each into text for the reader's locale. */
export interface MessageFacts {
  caseNumber?: string;
  categoryCode?: string;
  /** the unit handling the case, named in the message */
  unitId?: string;
  /** when the thing happened */
  at?: string;
  /** the next deadline the reader should know about (ISO) */
  deadline?: string;
  summary?: string;
  /** a reason code the template words, e.g. outside-every-grid */
  reason?: string;
}

/** The same facts as display text: times in Beijing time, the category and unit by name. */
export interface DisplayFacts {
  caseNumber: string;
  category: string;
  unit: string;
  at: string;
  deadline: string;
  summary: string;
  /** the summary cut to fit an SMS */
  summaryShort: string;
  reason: string;
}

type Text = (d: DisplayFacts) => string;

/** One template's words in one language: the inbox and email use title + body, SMS its own short text. */
export interface TemplateTexts {
  title: Text;
  body: Text;
  sms: Text;
  /** a few words for the status field of a WeChat template message, e.g. 已受理 */
  status: Text;
}

export type MessageTemplate = Record<Locale, TemplateTexts>;

/** Reason codes of intake.manual-dispatch-queued, worded. */
const MANUAL_QUEUE_REASONS: Record<string, Record<Locale, string>> = {
  'outside-every-grid': { 'zh-CN': '位置不在任何网格内', en: 'the place lies outside every grid' },
  'address-unknown': { 'zh-CN': '地址无法识别', en: 'the address was not recognised' },
  'no-location': { 'zh-CN': '未提供位置', en: 'no location was given' },
};

export function reasonText(reason: string | undefined, locale: Locale): string {
  if (!reason) return '';
  return MANUAL_QUEUE_REASONS[reason]?.[locale] ?? reason;
}

/**
 * Every message CivicFlow sends, zh-CN first. Keys are `<event>.<audience>`; a rule names the key it uses.
 * SMS texts stay short (a Chinese SMS segment is 70 characters; the provider adds the 【signature】).
 */
const templates = {
  'case-registered.citizen': {
    'zh-CN': {
      title: (d) => `诉求已受理 ${d.caseNumber}`,
      body: (d) =>
        `您反映的“${d.category}”问题已于 ${d.at} 受理，案件编号 ${d.caseNumber}，将由${d.unit}办理。办理进展将另行通知，查询请拨打 12345 并提供案件编号。`,
      sms: (d) => `您反映的“${d.category}”问题已受理，编号${d.caseNumber}，将由${d.unit}办理。查询请拨12345。`,
      status: () => '已受理',
    },
    en: {
      title: (d) => `Request registered: ${d.caseNumber}`,
      body: (d) =>
        `Your report about "${d.category}" was registered at ${d.at} as case ${d.caseNumber} and will be handled by ${d.unit}. We will keep you informed; call 12345 with the case number to ask about it.`,
      sms: (d) => `Your report (${d.category}) is registered as case ${d.caseNumber}, handled by ${d.unit}. Call 12345 to ask.`,
      status: () => 'registered',
    },
  },
  'case-resolved.citizen': {
    'zh-CN': {
      title: (d) => `诉求已办结 ${d.caseNumber}`,
      body: (d) =>
        `您反映的问题（案件编号 ${d.caseNumber}）已由${d.unit}于 ${d.at} 办结。办理结果：${d.summary}。我们将在 ${d.deadline} 前回访，请您对办理情况作出评价。`,
      sms: (d) => `您反映的问题（编号${d.caseNumber}）已由${d.unit}办结：${d.summaryShort}。${d.deadline}前将回访，请评价。`,
      status: () => '已办结',
    },
    en: {
      title: (d) => `Request resolved: ${d.caseNumber}`,
      body: (d) =>
        `Your report (case ${d.caseNumber}) was resolved by ${d.unit} at ${d.at}. Outcome: ${d.summary}. We will call you back before ${d.deadline} to ask whether you are satisfied.`,
      sms: (d) => `Case ${d.caseNumber} resolved by ${d.unit}: ${d.summaryShort}. We will call you back before ${d.deadline}.`,
      status: () => 'resolved',
    },
  },
  'case-resolved.handling-unit': {
    'zh-CN': {
      title: (d) => `案件已办结 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）已于 ${d.at} 办结，回访截止 ${d.deadline}。办理结果：${d.summary}`,
      sms: (d) => `案件${d.caseNumber}已办结，回访截止${d.deadline}。`,
      status: () => '已办结',
    },
    en: {
      title: (d) => `Case resolved: ${d.caseNumber}`,
      body: (d) => `Case ${d.caseNumber} (${d.category}) was resolved at ${d.at}; the callback is due by ${d.deadline}. Outcome: ${d.summary}`,
      sms: (d) => `Case ${d.caseNumber} resolved; callback due by ${d.deadline}.`,
      status: () => 'resolved',
    },
  },
  'duplicate-merged.citizen': {
    'zh-CN': {
      title: (d) => `诉求已并案 ${d.caseNumber}`,
      body: (d) => `您反映的问题此前已有市民反映，已并入案件 ${d.caseNumber}（${d.category}）一并办理，办理结果将同时告知您。`,
      sms: (d) => `您反映的问题已有市民反映，已并入案件${d.caseNumber}一并办理，结果将同时告知您。`,
      status: () => '已并案',
    },
    en: {
      title: (d) => `Report joined case ${d.caseNumber}`,
      body: (d) => `Others had already reported the same problem; your report joined case ${d.caseNumber} (${d.category}) and you will hear the outcome too.`,
      sms: (d) => `Your report joined case ${d.caseNumber} (same problem already reported). You will hear the outcome.`,
      status: () => 'merged',
    },
  },
  'manual-dispatch-queued.dispatchers': {
    'zh-CN': {
      title: (d) => `待人工派单 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）无法自动派单：${d.reason}。请尽快人工派单。`,
      sms: (d) => `案件${d.caseNumber}待人工派单：${d.reason}。`,
      status: () => '待派单',
    },
    en: {
      title: (d) => `Dispatch by hand: ${d.caseNumber}`,
      body: (d) => `Case ${d.caseNumber} (${d.category}) could not be routed automatically: ${d.reason}. Please dispatch it by hand.`,
      sms: (d) => `Case ${d.caseNumber} needs manual dispatch: ${d.reason}.`,
      status: () => 'awaiting dispatch',
    },
  },
} satisfies Record<string, MessageTemplate>;

export type TemplateKey = keyof typeof templates;
export const messageTemplates: Record<TemplateKey, MessageTemplate> = templates;

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(messageTemplates, key);
}
