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

/**
 * Reason codes, worded: intake.manual-dispatch-queued's reasons, the SLA windows of case.sla-warning and
 * case.sla-breached, and case.escalated's trigger.
 */
const REASONS: Record<string, Record<Locale, string>> = {
  'outside-every-grid': { 'zh-CN': '位置不在任何网格内', en: 'the place lies outside every grid' },
  'address-unknown': { 'zh-CN': '地址无法识别', en: 'the address was not recognised' },
  'no-location': { 'zh-CN': '未提供位置', en: 'no location was given' },
  acceptance: { 'zh-CN': '签收', en: 'acceptance' },
  'community-handling': { 'zh-CN': '社区办理', en: 'community handling' },
  'street-handling': { 'zh-CN': '街道办理', en: 'street handling' },
  'department-report-in': { 'zh-CN': '部门报到', en: 'department report-in' },
  'department-answer': { 'zh-CN': '部门答复', en: 'department answer' },
  callback: { 'zh-CN': '回访', en: 'callback' },
  mediation: { 'zh-CN': '调解', en: 'mediation' },
  early: { 'zh-CN': '社区提请提前升级', en: 'the community asked the street to take it over' },
  breach: { 'zh-CN': '社区办理超时', en: 'the community ran out of time' },
};

export function reasonText(reason: string | undefined, locale: Locale): string {
  if (!reason) return '';
  return REASONS[reason]?.[locale] ?? reason;
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
  'case-dispatched.assignee': {
    'zh-CN': {
      title: (d) => `新派单待签收 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）已于 ${d.at} 派至${d.unit}，请在 ${d.deadline} 前签收；如不属本单位管辖请退单。`,
      sms: (d) => `案件${d.caseNumber}已派至${d.unit}，请于${d.deadline}前签收。`,
      status: () => '待签收',
    },
    en: {
      title: (d) => `New case to accept: ${d.caseNumber}`,
      body: (d) => `Case ${d.caseNumber} (${d.category}) was dispatched to ${d.unit} at ${d.at}. Please accept it by ${d.deadline}, or return it if it is not yours.`,
      sms: (d) => `Case ${d.caseNumber} dispatched to ${d.unit}; accept by ${d.deadline}.`,
      status: () => 'to accept',
    },
  },
  'case-dispatched.redispatch': {
    'zh-CN': {
      title: (d) => `重新派单待签收 ${d.caseNumber}`,
      body: (d) => `退单案件 ${d.caseNumber}（${d.category}）已于 ${d.at} 重新派至${d.unit}，请在 ${d.deadline} 前签收。`,
      sms: (d) => `案件${d.caseNumber}已重新派至${d.unit}，请于${d.deadline}前签收。`,
      status: () => '待签收',
    },
    en: {
      title: (d) => `Case re-dispatched to you: ${d.caseNumber}`,
      body: (d) => `Returned case ${d.caseNumber} (${d.category}) was re-dispatched to ${d.unit} at ${d.at}. Please accept it by ${d.deadline}.`,
      sms: (d) => `Case ${d.caseNumber} re-dispatched to ${d.unit}; accept by ${d.deadline}.`,
      status: () => 'to accept',
    },
  },
  'case-accepted.citizen': {
    'zh-CN': {
      title: (d) => `诉求已签收办理 ${d.caseNumber}`,
      body: (d) => `您反映的问题（案件编号 ${d.caseNumber}）已由${d.unit}于 ${d.at} 签收，正在办理，办结后将告知您结果。`,
      sms: (d) => `您反映的问题（编号${d.caseNumber}）已由${d.unit}签收办理，办结后将告知您。`,
      status: () => '办理中',
    },
    en: {
      title: (d) => `Request being handled: ${d.caseNumber}`,
      body: (d) => `Your report (case ${d.caseNumber}) was taken on by ${d.unit} at ${d.at}. You will hear the outcome when it is resolved.`,
      sms: (d) => `Case ${d.caseNumber} is now being handled by ${d.unit}. You will hear the outcome.`,
      status: () => 'in hand',
    },
  },
  'case-escalated.street': {
    'zh-CN': {
      title: (d) => `案件升级至街道 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）因${d.reason}，已于 ${d.at} 升级由${d.unit}办理，办理时限 ${d.deadline}。${d.summary ? `说明：${d.summary}` : ''}`,
      sms: (d) => `案件${d.caseNumber}已升级至${d.unit}（${d.reason}），时限${d.deadline}。`,
      status: () => '已升级',
    },
    en: {
      title: (d) => `Case escalated to the street: ${d.caseNumber}`,
      body: (d) => `Case ${d.caseNumber} (${d.category}) was escalated to ${d.unit} at ${d.at} because ${d.reason}; it is due by ${d.deadline}.${d.summary ? ` Note: ${d.summary}` : ''}`,
      sms: (d) => `Case ${d.caseNumber} escalated to ${d.unit} (${d.reason}); due by ${d.deadline}.`,
      status: () => 'escalated',
    },
  },
  'case-departments-summoned.liaison': {
    'zh-CN': {
      title: (d) => `街道吹哨，请部门报到 ${d.caseNumber}`,
      body: (d) => `${d.unit}于 ${d.at} 就案件 ${d.caseNumber}（${d.category}）吹哨，请本部门在 ${d.deadline} 前报到并答复处置方案。`,
      sms: (d) => `${d.unit}就案件${d.caseNumber}吹哨，请于${d.deadline}前报到。`,
      status: () => '待报到',
    },
    en: {
      title: (d) => `Summoned by the street: ${d.caseNumber}`,
      body: (d) => `${d.unit} summoned your department on case ${d.caseNumber} (${d.category}) at ${d.at}. Please report in by ${d.deadline} and answer with your plan.`,
      sms: (d) => `${d.unit} summoned you on case ${d.caseNumber}; report in by ${d.deadline}.`,
      status: () => 'to report in',
    },
  },
  'case-sla-warning.owner': {
    'zh-CN': {
      title: (d) => `时限预警 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）的${d.reason}时限将于 ${d.deadline} 到期，请抓紧办理。`,
      sms: (d) => `案件${d.caseNumber}${d.reason}时限将于${d.deadline}到期，请抓紧办理。`,
      status: () => '预警',
    },
    en: {
      title: (d) => `Deadline approaching: ${d.caseNumber}`,
      body: (d) => `The ${d.reason} window of case ${d.caseNumber} (${d.category}) runs out at ${d.deadline}. Please act now.`,
      sms: (d) => `Case ${d.caseNumber}: ${d.reason} due ${d.deadline}. Please act now.`,
      status: () => 'warning',
    },
  },
  'case-sla-warning.next-level': {
    'zh-CN': {
      title: (d) => `下级时限预警 ${d.caseNumber}`,
      body: (d) => `${d.unit}承办的案件 ${d.caseNumber}（${d.category}）${d.reason}时限将于 ${d.deadline} 到期，请督促办理。`,
      sms: (d) => `${d.unit}承办的案件${d.caseNumber}将于${d.deadline}超时，请督促。`,
      status: () => '预警',
    },
    en: {
      title: (d) => `Deadline approaching below you: ${d.caseNumber}`,
      body: (d) => `The ${d.reason} window of case ${d.caseNumber} (${d.category}) at ${d.unit} runs out at ${d.deadline}. Please follow it up.`,
      sms: (d) => `Case ${d.caseNumber} at ${d.unit} is due ${d.deadline}; please follow up.`,
      status: () => 'warning',
    },
  },
  'case-sla-breached.owner': {
    'zh-CN': {
      title: (d) => `已超时 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）的${d.reason}时限已于 ${d.deadline} 届满，已按规定升级或督办。`,
      sms: (d) => `案件${d.caseNumber}${d.reason}已超时，已升级或督办。`,
      status: () => '超时',
    },
    en: {
      title: (d) => `Deadline missed: ${d.caseNumber}`,
      body: (d) => `The ${d.reason} window of case ${d.caseNumber} (${d.category}) ran out at ${d.deadline}; the case was escalated or put under supervision.`,
      sms: (d) => `Case ${d.caseNumber}: ${d.reason} deadline missed; escalated or under supervision.`,
      status: () => 'breached',
    },
  },
  'case-sla-breached.next-level': {
    'zh-CN': {
      title: (d) => `下级超时 ${d.caseNumber}`,
      body: (d) => `${d.unit}承办的案件 ${d.caseNumber}（${d.category}）${d.reason}时限已于 ${d.deadline} 届满，请及时处置。`,
      sms: (d) => `${d.unit}承办的案件${d.caseNumber}已超时，请及时处置。`,
      status: () => '超时',
    },
    en: {
      title: (d) => `Deadline missed below you: ${d.caseNumber}`,
      body: (d) => `The ${d.reason} window of case ${d.caseNumber} (${d.category}) at ${d.unit} ran out at ${d.deadline}. Please take it in hand.`,
      sms: (d) => `Case ${d.caseNumber} at ${d.unit} missed its deadline; please act.`,
      status: () => 'breached',
    },
  },
  'case-sla-breached.supervisors': {
    'zh-CN': {
      title: (d) => `超时案件 ${d.caseNumber}`,
      body: (d) => `${d.unit}承办的案件 ${d.caseNumber}（${d.category}）${d.reason}时限已于 ${d.deadline} 届满。`,
      sms: (d) => `${d.unit}承办的案件${d.caseNumber}${d.reason}已超时。`,
      status: () => '超时',
    },
    en: {
      title: (d) => `Case overdue: ${d.caseNumber}`,
      body: (d) => `The ${d.reason} window of case ${d.caseNumber} (${d.category}) at ${d.unit} ran out at ${d.deadline}.`,
      sms: (d) => `Case ${d.caseNumber} at ${d.unit}: ${d.reason} overdue.`,
      status: () => 'breached',
    },
  },
  'case-supervision-issued.unit': {
    'zh-CN': {
      title: (d) => `督办通知 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）已于 ${d.at} 列入督办，请${d.unit}限期办结。督办意见：${d.summary}`,
      sms: (d) => `案件${d.caseNumber}已列入督办：${d.summaryShort}`,
      status: () => '督办',
    },
    en: {
      title: (d) => `Supervision notice: ${d.caseNumber}`,
      body: (d) => `Case ${d.caseNumber} (${d.category}) was put under supervision at ${d.at}; ${d.unit} must resolve it without delay. Notice: ${d.summary}`,
      sms: (d) => `Case ${d.caseNumber} under supervision: ${d.summaryShort}`,
      status: () => 'supervised',
    },
  },
} satisfies Record<string, MessageTemplate>;

export type TemplateKey = keyof typeof templates;
export const messageTemplates: Record<TemplateKey, MessageTemplate> = templates;

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(messageTemplates, key);
}
