import { BusinessDuration } from '@civicflow/domain';
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
  /** 暂定: the deadline runs through a year without an official holiday arrangement (shown as such, never as official) */
  deadlineProvisional?: boolean;
  summary?: string;
  /** a reason code the template words, e.g. outside-every-grid */
  reason?: string;
  /** an extension asked for or granted (延期) */
  duration?: BusinessDuration;
  /** other cases the reader must also think of, e.g. merged duplicates whose callers are owed a callback */
  relatedCaseNumbers?: string[];
  /** mediation: the dispute, its type code, a session's place, an agreement's terms */
  disputeId?: string;
  disputeType?: string;
  place?: string;
  /** a 1-based ordinal: which reopening (重办), which agreement term */
  nth?: number;
  /** how many: an agreement's terms */
  count?: number;
  /** a department's plan, beside its result in `summary` */
  plan?: string;
  /** mediation: which body mediates — the community's 人民调解委员会 or the street's 矛盾调解中心 (of `unitId`) */
  committee?: 'community' | 'street';
  /** the business calendar: the year whose holiday arrangement is meant */
  year?: number;
  /** the monthly 考核 report: the month reported, YYYY-MM */
  month?: string;
  /** where the console shows what the message is about, when it is neither a case nor a dispute */
  link?: string;
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
  duration: string;
  /** the related case numbers as a list, e.g. `20260310-000043、20260310-000044` */
  related: string;
  disputeId: string;
  disputeType: string;
  place: string;
  nth: string;
  count: string;
  plan: string;
  /** the mediating body by name, e.g. 阳光社区人民调解委员会 */
  committee: string;
  year: string;
  /** 2026年11月 / November 2026 */
  month: string;
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
 * case.sla-breached, case.escalated's trigger, case.closed's reasons and how a suspension ended.
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
  'callback-completed': { 'zh-CN': '回访完成', en: 'the callback was made' },
  'callback-unreachable': { 'zh-CN': '多次回访未能联系上', en: 'the caller could not be reached for the callback' },
  'direct-answer': { 'zh-CN': '当场答复', en: 'it was answered on the spot' },
  'supervisor-decision': { 'zh-CN': '督查复核决定', en: 'a supervisor decided after review' },
  'resumed-automatically': { 'zh-CN': '挂起时限届满自动恢复', en: 'the suspension allowance ran out' },
  'resumed-by-hand': { 'zh-CN': '经办人恢复办理', en: 'it was resumed by hand' },
  consultation: { 'zh-CN': '“3+X”协商会议', en: '"3+X" consultation' },
  session: { 'zh-CN': '调解会', en: 'mediation session' },
};

/** mediation.dispute-opened's dispute types, worded. */
const DISPUTE_TYPES: Record<string, Record<Locale, string>> = {
  neighbour: { 'zh-CN': '邻里纠纷', en: 'neighbour dispute' },
  'property-management': { 'zh-CN': '物业纠纷', en: 'property-management dispute' },
  wages: { 'zh-CN': '劳资纠纷', en: 'wage dispute' },
  family: { 'zh-CN': '婚姻家庭纠纷', en: 'family dispute' },
  consumer: { 'zh-CN': '消费纠纷', en: 'consumer dispute' },
  'land-compound': { 'zh-CN': '土地宅基地纠纷', en: 'land or compound dispute' },
  other: { 'zh-CN': '其他纠纷', en: 'dispute' },
};

/** Capitalised, for a sentence that starts with a name like "the People's Mediation Committee of …". */
const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function disputeTypeText(type: string | undefined, locale: Locale): string {
  return DISPUTE_TYPES[type ?? 'other']?.[locale] ?? DISPUTE_TYPES.other[locale];
}

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
  'calendar-coverage-warning.staff': {
    'zh-CN': {
      title: (d) => `请录入${d.year}年放假安排`,
      body: (d) =>
        `工作日历的正式放假安排只到 ${d.deadline}（还剩 ${d.count} 天）。${d.year}年的放假与调休安排尚未录入，跨入${d.year}年的办理时限目前按法定节假日暂定计算。国务院办公厅发布通知后，请管理员在“工作日历”页面录入或导入，已在办案件将自动重算时限。`,
      sms: (d) => `请录入${d.year}年放假安排，正式日历只到${d.deadline}。`,
      status: () => '待录入',
    },
    en: {
      title: (d) => `Enter the ${d.year} holiday arrangement`,
      body: (d) =>
        `The business calendar has official holiday arrangements up to ${d.deadline} (${d.count} days left). The ${d.year} arrangement is not entered yet, so deadlines running into ${d.year} are provisional, computed from the statutory holidays. Once the State Council publishes it, an administrator should enter or import it on the Business calendar page; running cases then recompute their deadlines.`,
      sms: (d) => `Enter the ${d.year} holiday arrangement; the official calendar ends ${d.deadline}.`,
      status: () => 'to enter',
    },
  },
  'monthly-report-generated.supervisors': {
    'zh-CN': {
      title: (d) => `${d.month}考核报告已生成`,
      body: (d) =>
        `${d.month}月度考核报告已生成（PDF 与 Excel），含各街道、各部门的综合得分、排名与红黑榜，以及每项数据所依据的案件。请在“考核报告”页面查看和下载。`,
      sms: (d) => `${d.month}考核报告已生成，请登录系统下载。`,
      status: () => '已生成',
    },
    en: {
      title: (d) => `The ${d.month} performance report is ready`,
      body: (d) =>
        `The monthly performance report (考核) for ${d.month} has been generated as PDF and Excel: every street's and department's composite score, ranking and red/black list, with the cases behind each figure. Open the Monthly report page to view and download it.`,
      sms: (d) => `The ${d.month} performance report is ready; sign in to download it.`,
      status: () => 'generated',
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
  'case-returned.dispatchers': {
    'zh-CN': {
      title: (d) => `退单待重新派单 ${d.caseNumber}`,
      body: (d) => `${d.unit}于 ${d.at} 退回案件 ${d.caseNumber}（${d.category}），退单理由：${d.summary}。请核实管辖后重新派单。`,
      sms: (d) => `案件${d.caseNumber}被${d.unit}退单：${d.summaryShort}。请重新派单。`,
      status: () => '待重派',
    },
    en: {
      title: (d) => `Returned, dispatch again: ${d.caseNumber}`,
      body: (d) => `${d.unit} returned case ${d.caseNumber} (${d.category}) at ${d.at}: ${d.summary}. Please check the jurisdiction and dispatch it again.`,
      sms: (d) => `Case ${d.caseNumber} returned by ${d.unit}: ${d.summaryShort}. Please dispatch it again.`,
      status: () => 'returned',
    },
  },
  'case-department-reported-in.street': {
    'zh-CN': {
      title: (d) => `部门已报到 ${d.caseNumber}`,
      body: (d) => `${d.unit}已于 ${d.at} 就案件 ${d.caseNumber}（${d.category}）报到${d.deadline ? `，答复时限 ${d.deadline}` : ''}。`,
      sms: (d) => `${d.unit}已就案件${d.caseNumber}报到${d.deadline ? `，答复时限${d.deadline}` : ''}。`,
      status: () => '已报到',
    },
    en: {
      title: (d) => `Department reported in: ${d.caseNumber}`,
      body: (d) => `${d.unit} reported in on case ${d.caseNumber} (${d.category}) at ${d.at}.${d.deadline ? ` Its answer is due by ${d.deadline}.` : ''}`,
      sms: (d) => `${d.unit} reported in on case ${d.caseNumber}.${d.deadline ? ` Answer due ${d.deadline}.` : ''}`,
      status: () => 'reported in',
    },
  },
  'case-department-refused.arbiters': {
    'zh-CN': {
      title: (d) => `部门拒绝报到，待裁决 ${d.caseNumber}`,
      body: (d) =>
        `${d.unit}于 ${d.at} 拒绝就案件 ${d.caseNumber}（${d.category}）报到，理由：${d.summary}。该部门时限已暂停，请街道或督查员裁决：采纳（部门退出）或驳回（继续办理）。`,
      sms: (d) => `${d.unit}拒绝案件${d.caseNumber}的吹哨：${d.summaryShort}。请裁决。`,
      status: () => '待裁决',
    },
    en: {
      title: (d) => `Department refused, decision needed: ${d.caseNumber}`,
      body: (d) =>
        `${d.unit} refused the summons on case ${d.caseNumber} (${d.category}) at ${d.at}: ${d.summary}. Its clock is stopped; the street or a supervisor must accept the refusal (the department is released) or overrule it (it carries on).`,
      sms: (d) => `${d.unit} refused the summons on case ${d.caseNumber}: ${d.summaryShort}. Please decide.`,
      status: () => 'to decide',
    },
  },
  'case-refusal-decided.accepted': {
    'zh-CN': {
      title: (d) => `拒绝理由已采纳 ${d.caseNumber}`,
      body: (d) => `${d.unit}对案件 ${d.caseNumber}（${d.category}）的拒绝已于 ${d.at} 获采纳，无需继续办理。${d.summary ? `裁决说明：${d.summary}` : ''}`,
      sms: (d) => `案件${d.caseNumber}：${d.unit}的拒绝已获采纳，无需继续办理。`,
      status: () => '已退出',
    },
    en: {
      title: (d) => `Refusal accepted: ${d.caseNumber}`,
      body: (d) => `The refusal of ${d.unit} on case ${d.caseNumber} (${d.category}) was accepted at ${d.at}; nothing more is asked of it.${d.summary ? ` Note: ${d.summary}` : ''}`,
      sms: (d) => `Case ${d.caseNumber}: the refusal of ${d.unit} was accepted; nothing more to do.`,
      status: () => 'released',
    },
  },
  'case-refusal-decided.overruled': {
    'zh-CN': {
      title: (d) => `拒绝被驳回，请继续办理 ${d.caseNumber}`,
      body: (d) =>
        `${d.unit}对案件 ${d.caseNumber}（${d.category}）的拒绝已于 ${d.at} 被驳回，请继续办理${d.deadline ? `，时限 ${d.deadline}` : ''}。${d.summary ? `裁决说明：${d.summary}` : ''}`,
      sms: (d) => `案件${d.caseNumber}：拒绝被驳回，请继续办理${d.deadline ? `，时限${d.deadline}` : ''}。`,
      status: () => '继续办理',
    },
    en: {
      title: (d) => `Refusal overruled, carry on: ${d.caseNumber}`,
      body: (d) =>
        `The refusal of ${d.unit} on case ${d.caseNumber} (${d.category}) was overruled at ${d.at}. Please carry on${d.deadline ? ` by ${d.deadline}` : ''}.${d.summary ? ` Note: ${d.summary}` : ''}`,
      sms: (d) => `Case ${d.caseNumber}: refusal overruled, please carry on${d.deadline ? ` by ${d.deadline}` : ''}.`,
      status: () => 'carry on',
    },
  },
  'case-summons-ended.withdrawn': {
    'zh-CN': {
      title: (d) => `吹哨已撤回 ${d.caseNumber}`,
      body: (d) => `街道已于 ${d.at} 撤回对${d.unit}就案件 ${d.caseNumber}（${d.category}）的吹哨，无需继续办理。撤回理由：${d.summary}`,
      sms: (d) => `案件${d.caseNumber}：对${d.unit}的吹哨已撤回，无需继续办理。`,
      status: () => '已撤回',
    },
    en: {
      title: (d) => `Summons withdrawn: ${d.caseNumber}`,
      body: (d) => `The street withdrew the summons of ${d.unit} on case ${d.caseNumber} (${d.category}) at ${d.at}; nothing more is asked of it. Reason: ${d.summary}`,
      sms: (d) => `Case ${d.caseNumber}: the summons of ${d.unit} was withdrawn; nothing more to do.`,
      status: () => 'withdrawn',
    },
  },
  'case-summons-ended.released': {
    'zh-CN': {
      title: (d) => `部门已被督查员解除 ${d.caseNumber}`,
      body: (d) =>
        `${d.unit}在案件 ${d.caseNumber}（${d.category}）中超时未办，经督办后已于 ${d.at} 由督查员解除，超时记录保留并计入考核。说明：${d.summary}`,
      sms: (d) => `案件${d.caseNumber}：${d.unit}超时经督办后已被解除，超时计入考核。`,
      status: () => '已解除',
    },
    en: {
      title: (d) => `Department released by a supervisor: ${d.caseNumber}`,
      body: (d) =>
        `${d.unit} let its window on case ${d.caseNumber} (${d.category}) run out and, after 督办, was released by a supervisor at ${d.at}. The breach stays on its record and counts in its assessment. Note: ${d.summary}`,
      sms: (d) => `Case ${d.caseNumber}: ${d.unit} was released after its breach; the breach counts in its assessment.`,
      status: () => 'released',
    },
  },
  'case-summons-ended.street': {
    'zh-CN': {
      title: (d) => `吹哨已结束，可办结 ${d.caseNumber}`,
      body: (d) => `督查员已于 ${d.at} 解除${d.unit}在案件 ${d.caseNumber}（${d.category}）中的吹哨。其余部门均已答复或退出后即可办结。说明：${d.summary}`,
      sms: (d) => `案件${d.caseNumber}：${d.unit}已被督查员解除，可继续办结。`,
      status: () => '可办结',
    },
    en: {
      title: (d) => `Summons ended, the case may resolve: ${d.caseNumber}`,
      body: (d) => `A supervisor released ${d.unit} from case ${d.caseNumber} (${d.category}) at ${d.at}. Once the other departments have answered or left, the street may resolve it. Note: ${d.summary}`,
      sms: (d) => `Case ${d.caseNumber}: ${d.unit} was released by a supervisor; you may resolve.`,
      status: () => 'may resolve',
    },
  },
  'case-department-answered.street': {
    'zh-CN': {
      title: (d) => `部门已答复 ${d.caseNumber}`,
      body: (d) => `${d.unit}已于 ${d.at} 答复案件 ${d.caseNumber}（${d.category}）。处置方案：${d.plan}。办理结果：${d.summary}`,
      sms: (d) => `${d.unit}已答复案件${d.caseNumber}：${d.summaryShort}`,
      status: () => '已答复',
    },
    en: {
      title: (d) => `Department answered: ${d.caseNumber}`,
      body: (d) => `${d.unit} answered on case ${d.caseNumber} (${d.category}) at ${d.at}. Plan: ${d.plan}. Result: ${d.summary}`,
      sms: (d) => `${d.unit} answered on case ${d.caseNumber}: ${d.summaryShort}`,
      status: () => 'answered',
    },
  },
  'case-suspended.unit': {
    'zh-CN': {
      title: (d) => `案件已挂起 ${d.caseNumber}`,
      body: (d) =>
        `案件 ${d.caseNumber}（${d.category}）已于 ${d.at} 挂起，各项时限暂停计时。挂起理由：${d.summary}。${d.deadline ? `最迟于 ${d.deadline} 自动恢复办理。` : ''}`,
      sms: (d) => `案件${d.caseNumber}已挂起，时限暂停${d.deadline ? `，最迟${d.deadline}恢复` : ''}。`,
      status: () => '已挂起',
    },
    en: {
      title: (d) => `Case suspended: ${d.caseNumber}`,
      body: (d) =>
        `Case ${d.caseNumber} (${d.category}) was suspended at ${d.at}; its clocks are stopped. Reason: ${d.summary}.${d.deadline ? ` It resumes by itself at ${d.deadline} at the latest.` : ''}`,
      sms: (d) => `Case ${d.caseNumber} suspended, clocks stopped${d.deadline ? ` until ${d.deadline} at the latest` : ''}.`,
      status: () => 'suspended',
    },
  },
  'case-resumed.unit': {
    'zh-CN': {
      title: (d) => `案件恢复办理 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）已于 ${d.at} 恢复办理（${d.reason}），时限继续计时${d.deadline ? `，办理时限 ${d.deadline}` : ''}。`,
      sms: (d) => `案件${d.caseNumber}已恢复办理${d.deadline ? `，时限${d.deadline}` : ''}。`,
      status: () => '办理中',
    },
    en: {
      title: (d) => `Case resumed: ${d.caseNumber}`,
      body: (d) => `Case ${d.caseNumber} (${d.category}) resumed at ${d.at} (${d.reason}); its clocks run again.${d.deadline ? ` It is due by ${d.deadline}.` : ''}`,
      sms: (d) => `Case ${d.caseNumber} resumed.${d.deadline ? ` Due by ${d.deadline}.` : ''}`,
      status: () => 'in hand',
    },
  },
  'case-extension-requested.supervisors': {
    'zh-CN': {
      title: (d) => `延期申请待审批 ${d.caseNumber}`,
      body: (d) =>
        `${d.unit}于 ${d.at} 申请将案件 ${d.caseNumber}（${d.category}）的时限延长${d.duration}，理由：${d.summary}。${d.deadline ? `当前时限 ${d.deadline}。` : ''}请审批。`,
      sms: (d) => `${d.unit}申请案件${d.caseNumber}延期${d.duration}，请审批。`,
      status: () => '待审批',
    },
    en: {
      title: (d) => `Extension to approve: ${d.caseNumber}`,
      body: (d) =>
        `${d.unit} asked at ${d.at} for ${d.duration} more on case ${d.caseNumber} (${d.category}): ${d.summary}.${d.deadline ? ` The current deadline is ${d.deadline}.` : ''} Please approve or refuse.`,
      sms: (d) => `${d.unit} asks ${d.duration} more for case ${d.caseNumber}. Please decide.`,
      status: () => 'to approve',
    },
  },
  'case-extension-decided.approved': {
    'zh-CN': {
      title: (d) => `延期申请已批准 ${d.caseNumber}`,
      body: (d) =>
        `案件 ${d.caseNumber}（${d.category}）延期${d.duration}的申请已于 ${d.at} 批准${d.deadline ? `，新的时限为 ${d.deadline}` : ''}。${d.summary ? `审批意见：${d.summary}` : ''}`,
      sms: (d) => `案件${d.caseNumber}延期${d.duration}已批准${d.deadline ? `，新时限${d.deadline}` : ''}。`,
      status: () => '已批准',
    },
    en: {
      title: (d) => `Extension approved: ${d.caseNumber}`,
      body: (d) =>
        `The extension of ${d.duration} on case ${d.caseNumber} (${d.category}) was approved at ${d.at}.${d.deadline ? ` The new deadline is ${d.deadline}.` : ''}${d.summary ? ` Note: ${d.summary}` : ''}`,
      sms: (d) => `Case ${d.caseNumber}: extension of ${d.duration} approved.${d.deadline ? ` New deadline ${d.deadline}.` : ''}`,
      status: () => 'approved',
    },
  },
  'case-extension-decided.refused': {
    'zh-CN': {
      title: (d) => `延期申请未获批准 ${d.caseNumber}`,
      body: (d) =>
        `案件 ${d.caseNumber}（${d.category}）延期${d.duration}的申请于 ${d.at} 未获批准，请按原时限${d.deadline ? `（${d.deadline}）` : ''}办结。${d.summary ? `审批意见：${d.summary}` : ''}`,
      sms: (d) => `案件${d.caseNumber}延期申请未获批准，请按原时限${d.deadline ? `${d.deadline}` : ''}办结。`,
      status: () => '未批准',
    },
    en: {
      title: (d) => `Extension refused: ${d.caseNumber}`,
      body: (d) =>
        `The extension of ${d.duration} on case ${d.caseNumber} (${d.category}) was refused at ${d.at}; please resolve it within the current deadline${d.deadline ? ` (${d.deadline})` : ''}.${d.summary ? ` Note: ${d.summary}` : ''}`,
      sms: (d) => `Case ${d.caseNumber}: extension refused; keep the current deadline${d.deadline ? ` ${d.deadline}` : ''}.`,
      status: () => 'refused',
    },
  },
  'case-callback-due.operators': {
    'zh-CN': {
      title: (d) => `待回访 ${d.caseNumber}`,
      body: (d) =>
        `案件 ${d.caseNumber}（${d.category}）已由${d.unit}于 ${d.at} 办结，请在 ${d.deadline} 前回访来电人${d.related ? `，并回访合并件 ${d.related} 的来电人` : ''}。`,
      sms: (d) => `案件${d.caseNumber}待回访，截止${d.deadline}。`,
      status: () => '待回访',
    },
    en: {
      title: (d) => `Callback due: ${d.caseNumber}`,
      body: (d) =>
        `Case ${d.caseNumber} (${d.category}) was resolved by ${d.unit} at ${d.at}. Please call the caller back before ${d.deadline}${d.related ? `, and the callers of the merged cases ${d.related}` : ''}.`,
      sms: (d) => `Case ${d.caseNumber}: callback due by ${d.deadline}.`,
      status: () => 'callback due',
    },
  },
  'case-reopened.unit': {
    'zh-CN': {
      title: (d) => `案件重办 ${d.caseNumber}`,
      body: (d) =>
        `市民对案件 ${d.caseNumber}（${d.category}）的办理结果不满意，案件已于 ${d.at} 退回${d.unit}第${d.nth}次重办${d.deadline ? `，办理时限 ${d.deadline}` : ''}。${d.summary ? `不满意原因：${d.summary}` : ''}`,
      sms: (d) => `案件${d.caseNumber}市民不满意，已退回第${d.nth}次重办${d.deadline ? `，时限${d.deadline}` : ''}。`,
      status: () => '重办',
    },
    en: {
      title: (d) => `Case reopened: ${d.caseNumber}`,
      body: (d) =>
        `The citizen was not satisfied with case ${d.caseNumber} (${d.category}); at ${d.at} it went back to ${d.unit} to be handled again (reopening ${d.nth})${d.deadline ? `, due by ${d.deadline}` : ''}.${d.summary ? ` Why: ${d.summary}` : ''}`,
      sms: (d) => `Case ${d.caseNumber} reopened (${d.nth}): the citizen was not satisfied.${d.deadline ? ` Due ${d.deadline}.` : ''}`,
      status: () => 'reopened',
    },
  },
  'case-review-required.supervisors': {
    'zh-CN': {
      title: (d) => `待督查复核 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）已重办${d.nth}次，市民仍不满意，请督查复核并决定是否归档。`,
      sms: (d) => `案件${d.caseNumber}重办后仍不满意，请督查复核。`,
      status: () => '待复核',
    },
    en: {
      title: (d) => `Review needed: ${d.caseNumber}`,
      body: (d) => `Case ${d.caseNumber} (${d.category}) was reopened ${d.nth} times and the citizen is still not satisfied. Please review it and decide whether to close it.`,
      sms: (d) => `Case ${d.caseNumber}: still not satisfied after reopening; please review.`,
      status: () => 'to review',
    },
  },
  'case-duplicate-attached.unit': {
    'zh-CN': {
      title: (d) => `重复件已并入 ${d.caseNumber}`,
      body: (d) => `案件 ${d.related} 与${d.unit}承办的案件 ${d.caseNumber}（${d.category}）反映同一问题，已于 ${d.at} 并入本案。办结后其来电人也将收到结果并接受回访。`,
      sms: (d) => `案件${d.related}已并入案件${d.caseNumber}一并办理。`,
      status: () => '已并案',
    },
    en: {
      title: (d) => `Duplicate merged in: ${d.caseNumber}`,
      body: (d) => `Case ${d.related} reports the same problem as case ${d.caseNumber} (${d.category}) at ${d.unit} and was merged into it at ${d.at}. Its caller will hear the outcome and get a callback too.`,
      sms: (d) => `Case ${d.related} was merged into case ${d.caseNumber}.`,
      status: () => 'merged',
    },
  },
  'case-closed.citizen': {
    'zh-CN': {
      title: (d) => `诉求已归档 ${d.caseNumber}`,
      body: (d) => `您反映的问题（案件编号 ${d.caseNumber}）已于 ${d.at} 归档（${d.reason}）。如问题仍未解决，请拨打 12345 再次反映。`,
      sms: (d) => `您反映的问题（编号${d.caseNumber}）已归档（${d.reason}）。如仍未解决，请拨12345。`,
      status: () => '已归档',
    },
    en: {
      title: (d) => `Request closed: ${d.caseNumber}`,
      body: (d) => `Your report (case ${d.caseNumber}) was closed at ${d.at}: ${d.reason}. If the problem is still there, please call 12345 again.`,
      sms: (d) => `Case ${d.caseNumber} closed: ${d.reason}. Still a problem? Call 12345.`,
      status: () => 'closed',
    },
  },
  'case-closed.handling-unit': {
    'zh-CN': {
      title: (d) => `案件已归档 ${d.caseNumber}`,
      body: (d) => `案件 ${d.caseNumber}（${d.category}）已于 ${d.at} 归档：${d.reason}。${d.summary ? `说明：${d.summary}` : ''}`,
      sms: (d) => `案件${d.caseNumber}已归档：${d.reason}。`,
      status: () => '已归档',
    },
    en: {
      title: (d) => `Case closed: ${d.caseNumber}`,
      body: (d) => `Case ${d.caseNumber} (${d.category}) was closed at ${d.at}: ${d.reason}.${d.summary ? ` Note: ${d.summary}` : ''}`,
      sms: (d) => `Case ${d.caseNumber} closed: ${d.reason}.`,
      status: () => 'closed',
    },
  },
  'dispute-opened.mediators': {
    'zh-CN': {
      title: (d) => `新纠纷待指派调解员 ${d.disputeId}`,
      body: (d) => `${d.unit}于 ${d.at} 受理一起${d.disputeType}（编号 ${d.disputeId}${d.caseNumber ? `，来自案件 ${d.caseNumber}` : ''}），请指派调解员。`,
      sms: (d) => `新${d.disputeType}${d.disputeId}待指派调解员。`,
      status: () => '待指派',
    },
    en: {
      title: (d) => `New dispute to assign: ${d.disputeId}`,
      body: (d) => `${d.unit} opened a ${d.disputeType} (${d.disputeId}${d.caseNumber ? `, from case ${d.caseNumber}` : ''}) at ${d.at}. Please assign a mediator.`,
      sms: (d) => `New ${d.disputeType} ${d.disputeId}: please assign a mediator.`,
      status: () => 'to assign',
    },
  },
  'mediator-assigned.mediator': {
    'zh-CN': {
      title: (d) => `您已被指派调解 ${d.disputeId}`,
      body: (d) => `您已于 ${d.at} 被指派调解一起${d.disputeType}（编号 ${d.disputeId}${d.caseNumber ? `，来自案件 ${d.caseNumber}` : ''}），请尽快联系当事人并安排调解。`,
      sms: (d) => `您已被指派调解${d.disputeType}${d.disputeId}，请尽快安排。`,
      status: () => '调解中',
    },
    en: {
      title: (d) => `You are the mediator: ${d.disputeId}`,
      body: (d) => `You were assigned at ${d.at} to mediate a ${d.disputeType} (${d.disputeId}${d.caseNumber ? `, from case ${d.caseNumber}` : ''}). Please contact the parties and schedule a session.`,
      sms: (d) => `You mediate ${d.disputeType} ${d.disputeId}; please schedule a session.`,
      status: () => 'mediating',
    },
  },
  'session-scheduled.attendee': {
    'zh-CN': {
      title: (d) => `调解已安排 ${d.disputeId}`,
      body: (d) => `${d.disputeType}（编号 ${d.disputeId}）的${d.reason}定于 ${d.at} 在${d.place}举行，请准时参加。`,
      sms: (d) => `${d.disputeType}${d.disputeId}的${d.reason}定于${d.at}在${d.place}举行。`,
      status: () => '已安排',
    },
    en: {
      title: (d) => `Session scheduled: ${d.disputeId}`,
      body: (d) => `A ${d.reason} on ${d.disputeType} ${d.disputeId} is set for ${d.at} at ${d.place}. Please attend.`,
      sms: (d) => `${d.disputeId}: ${d.reason} ${d.at} at ${d.place}.`,
      status: () => 'scheduled',
    },
  },
  'session-reminder.attendee': {
    'zh-CN': {
      title: (d) => `调解提醒 ${d.disputeId}`,
      body: (d) => `提醒：${d.disputeType}（编号 ${d.disputeId}）的调解将于 ${d.at} 在${d.place}举行，请准时参加。`,
      sms: (d) => `提醒：${d.disputeId}调解将于${d.at}在${d.place}举行。`,
      status: () => '即将开始',
    },
    en: {
      title: (d) => `Reminder: session on ${d.disputeId}`,
      body: (d) => `Reminder: the session on ${d.disputeType} ${d.disputeId} takes place at ${d.at} at ${d.place}. Please be on time.`,
      sms: (d) => `Reminder: ${d.disputeId} session ${d.at} at ${d.place}.`,
      status: () => 'coming up',
    },
  },
  'agreement-reached.mediator': {
    'zh-CN': {
      title: (d) => `调解协议已达成 ${d.disputeId}`,
      body: (d) => `${d.disputeType}（编号 ${d.disputeId}）已于 ${d.at} 达成调解协议，共 ${d.count} 项履行条款，最早一项于 ${d.deadline} 到期，请届时回访履行情况。`,
      sms: (d) => `${d.disputeId}已达成调解协议，首项条款${d.deadline}到期，请届时回访。`,
      status: () => '已达成协议',
    },
    en: {
      title: (d) => `Agreement reached: ${d.disputeId}`,
      body: (d) => `The parties to ${d.disputeType} ${d.disputeId} signed an agreement at ${d.at} with ${d.count} term(s); the first falls due at ${d.deadline}. Please follow each term up when it is due.`,
      sms: (d) => `${d.disputeId}: agreement signed; first term due ${d.deadline}, please follow up.`,
      status: () => 'agreed',
    },
  },
  // 当事人 (parties) by SMS: who mediates, when and where; they know their dispute by its type and the committee
  'session-scheduled.party': {
    'zh-CN': {
      title: () => '调解通知',
      body: (d) => `您好，${d.committee}定于 ${d.at} 在${d.place}主持您的${d.disputeType}${d.reason}，请准时参加。如不能到场，请提前与调解员联系。`,
      sms: (d) => `${d.committee}定于${d.at}在${d.place}调解您的${d.disputeType}，请准时参加。`,
      status: () => '已安排',
    },
    en: {
      title: () => 'Mediation session',
      body: (d) => `${cap(d.committee)} will hold a ${d.reason} on your ${d.disputeType} at ${d.at} at ${d.place}. Please attend, or tell the mediator in advance if you cannot.`,
      sms: (d) => `${cap(d.committee)}: mediation of your ${d.disputeType} ${d.at} at ${d.place}. Please attend.`,
      status: () => 'scheduled',
    },
  },
  'session-reminder.party': {
    'zh-CN': {
      title: () => '调解提醒',
      body: (d) => `提醒：${d.committee}将于 ${d.at} 在${d.place}调解您的${d.disputeType}，请准时参加。`,
      sms: (d) => `提醒：${d.committee}将于${d.at}在${d.place}调解您的${d.disputeType}，请准时参加。`,
      status: () => '即将开始',
    },
    en: {
      title: () => 'Mediation reminder',
      body: (d) => `Reminder: ${d.committee} mediates your ${d.disputeType} at ${d.at} at ${d.place}. Please be on time.`,
      sms: (d) => `Reminder: ${d.committee}, your ${d.disputeType}, ${d.at} at ${d.place}.`,
      status: () => 'coming up',
    },
  },
  /** a party who owes terms: how many, and when the first falls due */
  'agreement-reached.party': {
    'zh-CN': {
      title: () => '调解协议已达成',
      body: (d) => `您的${d.disputeType}经${d.committee}调解已达成协议。您须履行 ${d.count} 项条款，最早一项（${d.summary}）须于 ${d.deadline} 前履行，请按期履行。`,
      sms: (d) => `您的${d.disputeType}经${d.committee}调解达成协议，您须履行${d.count}项条款，首项须于${d.deadline}前履行。`,
      status: () => '已达成协议',
    },
    en: {
      title: () => 'Mediation agreement signed',
      body: (d) => `Your ${d.disputeType} was settled by agreement before ${d.committee}. You owe ${d.count} term(s); the first (${d.summary}) is due by ${d.deadline}. Please keep to the dates.`,
      sms: (d) => `Agreement signed before ${d.committee}: you owe ${d.count} term(s), the first due by ${d.deadline}.`,
      status: () => 'agreed',
    },
  },
  /** a party who owes nothing: the others' terms, and when the last falls due */
  'agreement-reached.other-party': {
    'zh-CN': {
      title: () => '调解协议已达成',
      body: (d) => `您的${d.disputeType}经${d.committee}调解已达成协议，共 ${d.count} 项条款由对方履行，最后一项于 ${d.deadline} 到期，届时调解员将回访。`,
      sms: (d) => `您的${d.disputeType}经${d.committee}调解达成协议，对方须于${d.deadline}前履行完毕。`,
      status: () => '已达成协议',
    },
    en: {
      title: () => 'Mediation agreement signed',
      body: (d) => `Your ${d.disputeType} was settled by agreement before ${d.committee}: ${d.count} term(s) for the other side, the last due by ${d.deadline}; the mediator will follow them up.`,
      sms: (d) => `Agreement signed before ${d.committee}: the other side's terms are due by ${d.deadline}.`,
      status: () => 'agreed',
    },
  },
  'mediation-failed.street-centre': {
    'zh-CN': {
      title: (d) => `调解不成，移交街道调解中心 ${d.disputeId}`,
      body: (d) =>
        `${d.unit}对${d.disputeType}（编号 ${d.disputeId}）的调解未能成功，已于 ${d.at} 移交街道矛盾调解中心。原因：${d.summary}。请指派调解员${d.deadline ? `，调解期限 ${d.deadline}` : ''}。`,
      sms: (d) => `${d.disputeId}社区调解不成，已移交街道调解中心，请指派调解员。`,
      status: () => '待指派',
    },
    en: {
      title: (d) => `Mediation failed, to the street centre: ${d.disputeId}`,
      body: (d) =>
        `Mediation of ${d.disputeType} ${d.disputeId} at ${d.unit} failed and went to the street mediation centre at ${d.at}. Reason: ${d.summary}. Please assign a mediator.${d.deadline ? ` The centre's limit is ${d.deadline}.` : ''}`,
      sms: (d) => `${d.disputeId}: community mediation failed; street centre, please assign a mediator.`,
      status: () => 'to assign',
    },
  },
  'follow-up-due.mediator': {
    'zh-CN': {
      title: (d) => `协议到期待回访 ${d.disputeId}`,
      body: (d) => `${d.disputeType}（编号 ${d.disputeId}）调解协议第 ${d.nth} 项条款（${d.summary}）已于 ${d.deadline} 到期，请回访当事人并记录是否履行。`,
      sms: (d) => `${d.disputeId}协议第${d.nth}项已到期，请回访并记录履行情况。`,
      status: () => '待回访',
    },
    en: {
      title: (d) => `Agreement term due, follow up: ${d.disputeId}`,
      body: (d) => `Term ${d.nth} of the agreement on ${d.disputeType} ${d.disputeId} (${d.summary}) fell due at ${d.deadline}. Please ask the parties and record whether it was kept.`,
      sms: (d) => `${d.disputeId}: term ${d.nth} is due; please follow up and record it.`,
      status: () => 'follow-up due',
    },
  },
  'agreement-followed-up.mediator': {
    'zh-CN': {
      title: (d) => `调解协议未履行 ${d.disputeId}`,
      body: (d) => `${d.disputeType}（编号 ${d.disputeId}）调解协议第 ${d.nth} 项条款经 ${d.at} 回访未履行，纠纷已重新打开，请再次调解。`,
      sms: (d) => `${d.disputeId}协议第${d.nth}项未履行，纠纷已重开，请再次调解。`,
      status: () => '未履行',
    },
    en: {
      title: (d) => `Agreement broken: ${d.disputeId}`,
      body: (d) => `Term ${d.nth} of the agreement on ${d.disputeType} ${d.disputeId} was found not kept at ${d.at}; the dispute is open again. Please mediate again.`,
      sms: (d) => `${d.disputeId}: term ${d.nth} not kept, dispute reopened. Please mediate again.`,
      status: () => 'broken',
    },
  },
} satisfies Record<string, MessageTemplate>;

export type TemplateKey = keyof typeof templates;
export const messageTemplates: Record<TemplateKey, MessageTemplate> = templates;

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(messageTemplates, key);
}
