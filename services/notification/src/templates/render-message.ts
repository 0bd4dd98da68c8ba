import { Bilingual, defaultTaxonomy, describeDuration, TaxonomyIndex } from '@civicflow/domain';
import { RenderedMessage } from '../channels/notification-channel';
import { Locale } from '../recipients/recipient';
import { formatChinaTime, shorten } from './format';
import { disputeTypeText, DisplayFacts, MessageFacts, messageTemplates, reasonText, TemplateKey } from './message-templates';

export interface RenderContext {
  /** the handling unit's name, when the directory knows it */
  unitName?: Bilingual;
  taxonomy?: TaxonomyIndex;
}

let sharedTaxonomy: TaxonomyIndex | undefined;
const taxonomy = () => (sharedTaxonomy ??= defaultTaxonomy());

const FALLBACK = {
  category: { 'zh-CN': '未分类', en: 'uncategorised' },
  unit: { 'zh-CN': '相关单位', en: 'the responsible unit' },
} as const;

const PROVISIONAL = { 'zh-CN': '（暂定）', en: ' (provisional)' } as const;

/** The 12345 category by name (小类, else 大类), in the reader's language. */
export function categoryLabel(code: string | undefined, locale: Locale, index: TaxonomyIndex = taxonomy()): string {
  if (!code) return FALLBACK.category[locale];
  const named = index.minorByCode(code) ?? index.majorByCode(code);
  if (!named) return code;
  return locale === 'zh-CN' ? named.zh : named.en;
}

export function displayFacts(facts: MessageFacts, locale: Locale, context: RenderContext = {}): DisplayFacts {
  const summary = facts.summary?.trim() ?? '';
  return {
    caseNumber: facts.caseNumber ?? '',
    category: categoryLabel(facts.categoryCode, locale, context.taxonomy),
    // by name only: a unit nobody could name is 'the responsible unit', never its id
    unit: context.unitName ? (locale === 'zh-CN' ? context.unitName.zh : context.unitName.en) : FALLBACK.unit[locale],
    at: facts.at ? formatChinaTime(facts.at, locale) : '',
    deadline: facts.deadline ? `${formatChinaTime(facts.deadline, locale)}${facts.deadlineProvisional ? PROVISIONAL[locale] : ''}` : '',
    summary,
    summaryShort: shorten(summary, locale === 'zh-CN' ? 30 : 60),
    reason: reasonText(facts.reason, locale),
    duration: facts.duration ? describeDuration(facts.duration)[locale === 'zh-CN' ? 'zh' : 'en'] : '',
    related: (facts.relatedCaseNumbers ?? []).join(locale === 'zh-CN' ? '、' : ', '),
    disputeId: facts.disputeId ?? '',
    disputeType: disputeTypeText(facts.disputeType, locale),
    place: facts.place?.trim() ?? '',
    nth: facts.nth === undefined ? '' : String(facts.nth),
    count: facts.count === undefined ? '' : String(facts.count),
    plan: facts.plan?.trim() ?? '',
    committee: committeeText(facts, locale, context),
    year: facts.year === undefined ? '' : String(facts.year),
    month: monthText(facts.month, locale),
  };
}

/** 2026年11月 / November 2026. */
function monthText(month: string | undefined, locale: Locale): string {
  if (!month) return '';
  const [year, m] = month.split('-').map(Number);
  if (locale === 'zh-CN') return `${year}年${m}月`;
  return `${new Date(Date.UTC(year, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}`;
}

/** 阳光社区人民调解委员会 / 友谊路街道矛盾调解中心: the mediating body of `unitId` at the notice's level. */
function committeeText(facts: MessageFacts, locale: Locale, context: RenderContext): string {
  if (!facts.committee) return '';
  const unit = context.unitName ? (locale === 'zh-CN' ? context.unitName.zh : context.unitName.en) : undefined;
  if (locale === 'zh-CN') return `${unit ?? ''}${facts.committee === 'street' ? '矛盾调解中心' : '人民调解委员会'}`;
  if (facts.committee === 'street') return unit ? `the mediation centre of ${unit}` : 'the street mediation centre';
  return unit ? `the People's Mediation Committee of ${unit}` : "the community People's Mediation Committee";
}

/** One template in one language, as the recipient will read it on every channel. */
export function renderMessage(template: TemplateKey, facts: MessageFacts, locale: Locale, context: RenderContext = {}): RenderedMessage {
  const texts = messageTemplates[template][locale];
  const d = displayFacts(facts, locale, context);
  const title = texts.title(d);
  const sms = texts.sms(d);
  const fields: Record<string, string> = Object.fromEntries(
    Object.entries({
      first: title,
      caseNumber: d.caseNumber,
      category: d.category,
      unit: d.unit,
      time: d.at,
      deadline: d.deadline,
      status: texts.status(d),
      disputeId: d.disputeId,
      place: d.place,
      remark: sms,
    }).filter(([, value]) => value !== ''),
  );
  return { title, body: texts.body(d), sms, fields, link: linkFor(facts) };
}

/** Where the console shows what the message is about: the rule's own link, the dispute for mediation notices, else the case. */
function linkFor(facts: MessageFacts): string | undefined {
  if (facts.link) return facts.link;
  if (facts.disputeId) return `/disputes/${encodeURIComponent(facts.disputeId)}`;
  return facts.caseNumber ? `/cases/${facts.caseNumber}` : undefined;
}
