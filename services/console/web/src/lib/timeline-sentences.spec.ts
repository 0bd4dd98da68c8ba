import { eventCatalog } from '@civicflow/contracts';
import { translate } from '../i18n/messages';
import { actorLine, eventSentence, type SentenceContext, type TimelineEventLike } from './timeline-sentences';

const NAMES: Record<string, string> = { 'bf-d01-s01': '友谊路街道', 'bf-d01-s01-c01': '锦华社区', 'bf-d01-s01-c01-g01': '锦华社区第1网格', 'dept-urban-management': '城市管理局' };
const context = (locale: 'zh-CN' | 'en'): SentenceContext => ({
  locale,
  t: (key, params) => translate(locale, key, params),
  unitName: (id) => (id ? NAMES[id] ?? '某单位' : '—'),
  fmtTime: (iso) => (iso ? `T(${iso})` : '—'),
});
const entry = (type: string, detail: Record<string, unknown>, more: Partial<TimelineEventLike> = {}): TimelineEventLike =>
  ({ type, actor: { userId: 'u1', role: 'community-handler', unitId: 'bf-d01-s01-c01' }, level: 'community', unitId: 'bf-d01-s01-c01', detail, ...more });

/** A realistic detail for each case event type, as casework's timeline carries it. */
const DETAILS: Record<string, Record<string, unknown>> = {
  'case.registered': { channel: 'hotline', requestType: 'complaint', intakeStatus: 'routed' },
  'case.dispatched': { route: { streetId: 'bf-d01-s01', communityId: 'bf-d01-s01-c01', gridId: 'bf-d01-s01-c01-g01' }, assigneeUnitId: 'bf-d01-s01-c01', redispatch: false },
  'case.accepted': {},
  'case.returned': { fromUnitId: 'bf-d01-s01-c01', reason: '不属于本社区' },
  'case.escalated': { trigger: 'early', from: 'community', to: 'street', note: '需要执法权' },
  'case.departments-summoned': { departmentIds: ['dept-urban-management'] },
  'case.department-reported-in': { departmentId: 'dept-urban-management' },
  'case.department-refused': { departmentId: 'dept-urban-management', reason: '非本部门职责' },
  'case.refusal-decided': { departmentId: 'dept-urban-management', decision: 'overrule' },
  'case.summons-ended': { departmentId: 'dept-urban-management', ending: 'released', reason: '超时未答复,已督办', breached: true, statusBefore: 'reported-in' },
  'case.department-answered': { departmentId: 'dept-urban-management', plan: '派维修班组', result: '已修复' },
  'case.resolved': { summary: '已更换路灯' },
  'case.suspended': { reason: '等待配件' },
  'case.resumed': { automatic: false },
  'case.extension-requested': { extra: { basis: 'working', amount: 2, unit: 'days' }, reason: '需协调物业' },
  'case.extension-decided': { approved: true, extra: { basis: 'working', amount: 2, unit: 'days' } },
  'case.supervision-issued': { notice: '请尽快办理', automatic: false },
  'case.sla-warning': { window: 'community-handling' },
  'case.sla-breached': { window: 'department-answer', departmentId: 'dept-urban-management' },
  'case.callback-due': { callbackDueAt: '2026-12-08T02:00:00.000Z' },
  'case.callback-recorded': { reached: true, satisfaction: 'satisfied' },
  'case.reopened': { reason: '路灯又坏了' },
  'case.review-required': {},
  'case.closed': { reason: 'callback-completed' },
  'case.deadlines-recomputed': { year: 2027, clocks: [] },
  'case.merged': { masterCaseNumber: '20261207-000001' },
  'case.duplicate-attached': { duplicateCaseNumber: '20261207-000002' },
};

describe('the timeline says every case event as a sentence', () => {
  const caseTypes = [...new Set(eventCatalog.filter((c) => c.type.startsWith('case.')).map((c) => c.type))];

  it.each(['zh-CN', 'en'] as const)('covers every case event of the catalog in %s, with names and no codes', (locale) => {
    for (const type of caseTypes) {
      const sentence = eventSentence(entry(type, DETAILS[type] ?? {}), context(locale));
      expect({ type, sentence }).toEqual({ type, sentence: expect.any(String) });
      expect({ type, unknown: sentence === translate(locale, 'tl.unknown') }).toEqual({ type, unknown: false });
      // no placeholder left, no internal id, no code word a person would not say
      expect({ type, sentence }).not.toEqual({ type, sentence: expect.stringMatching(/\{\w+\}|bf-d\d|dept-|redispatch|true|false|undefined|null/) });
      // a Chinese sentence has no English word in it (codes such as early, hotline, urban-management)
      if (locale === 'zh-CN') expect({ type, sentence }).not.toEqual({ type, sentence: expect.stringMatching(/[A-Za-z]{3,}/) });
    }
  });

  it('reads like a person wrote it', () => {
    const zh = context('zh-CN');
    const en = context('en');
    expect(eventSentence(entry('case.registered', DETAILS['case.registered']), zh)).toBe('受理12345热线投诉,按事发位置自动分派');
    expect(eventSentence(entry('case.registered', DETAILS['case.registered']), en)).toBe('Registered a complaint from 12345 hotline, routed by its place');
    expect(eventSentence(entry('case.dispatched', DETAILS['case.dispatched']), zh)).toBe('派单至锦华社区(友谊路街道 › 锦华社区第1网格)');
    expect(eventSentence(entry('case.escalated', { trigger: 'breach', from: 'community', to: 'street' }), zh)).toBe('社区办理时限已到,自动升级到街道');
    expect(eventSentence(entry('case.escalated', { trigger: 'breach', from: 'community', to: 'street' }), en)).toBe('The community’s time ran out: escalated to the street automatically');
    expect(eventSentence(entry('case.departments-summoned', DETAILS['case.departments-summoned']), zh)).toBe('街道吹哨,召集城市管理局报到');
    expect(eventSentence(entry('case.extension-requested', DETAILS['case.extension-requested']), en)).toBe('Asked for 2 days (working time) more: 需协调物业');
    expect(eventSentence(entry('case.callback-due', DETAILS['case.callback-due']), zh)).toBe('已办结,待回访市民(回访期限 T(2026-12-08T02:00:00.000Z))');
    expect(actorLine(entry('case.accepted', {}), zh)).toBe('社区工作人员 · 锦华社区');
    expect(actorLine(entry('case.sla-breached', {}, { actor: null }), en)).toBe('System');
  });
});
