// 时间线: every case event said as a sentence in the user's language — units, departments, windows, channels and
// reasons by their names, times in China time — never a field name or a code. Pure; the case page renders it.
import { CHANNEL_LABELS, readChannel } from './vocabulary';

export interface TimelineEventLike {
  type: string;
  actor: { userId: string; role: string; unitId?: string } | null;
  level: string | null;
  unitId: string | null;
  detail: Record<string, unknown>;
}

export interface SentenceContext {
  locale: 'zh-CN' | 'en';
  t(key: string, params?: Record<string, string | number>): string;
  /** a unit's or department's name (never its id) */
  unitName(id: string | null | undefined): string;
  fmtTime(iso: string | null | undefined): string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** One sentence for a timeline entry. */
export function eventSentence(e: TimelineEventLike, ctx: SentenceContext): string {
  const { t, locale } = ctx;
  const d = e.detail ?? {};
  const en = locale === 'en';
  /** optional trailing text: "：xx" / ": xx", or nothing */
  const tail = (v: unknown) => (str(v) ? `${en ? ': ' : ':'}${str(v)}` : '');
  const unit = ctx.unitName(e.unitId ?? e.actor?.unitId ?? null);
  const department = ctx.unitName(str(d.departmentId) ?? e.actor?.unitId ?? null);
  const level = (v: unknown) => (str(v) ? t(`level.${str(v)}`).toLowerCase() : '');
  const window = str(d.window) ? t(`window.${str(d.window)}`) : t('case.clocks');
  switch (e.type) {
    case 'case.registered': {
      const channel = readChannel(str(d.channel) ?? '');
      const label = channel ? CHANNEL_LABELS[channel][en ? 'en' : 'zh'] : en ? 'a channel' : '';
      const requestType = str(d.requestType) ? t(`requestType.${str(d.requestType)}`) : en ? 'Request' : '诉求';
      const status = str(d.intakeStatus);
      const key = status === 'routed' || status === 'manual-queue' || status === 'closed' ? `tl.case.registered.${status}` : 'tl.case.registered';
      return t(key, { channel: label, requestType: en ? requestType.toLowerCase() : requestType });
    }
    case 'case.dispatched': {
      const route = d.route && typeof d.route === 'object' ? (d.route as { streetId?: string; communityId?: string; gridId?: string }) : {};
      const assignee = str(d.assigneeUnitId) ?? e.unitId;
      const path = [route.streetId, route.communityId, route.gridId].filter((id): id is string => !!id && id !== assignee).map((id) => ctx.unitName(id));
      const where = path.length ? (en ? ` (${path.join(' › ')})` : `(${path.join(' › ')})`) : '';
      return t(d.redispatch === true ? 'tl.case.dispatched.again' : 'tl.case.dispatched', { unit: ctx.unitName(assignee), route: where });
    }
    case 'case.accepted':
      return t('tl.case.accepted', { unit });
    case 'case.returned':
      return t('tl.case.returned', { unit: ctx.unitName(str(d.fromUnitId) ?? e.actor?.unitId ?? null), reason: str(d.reason) ?? '' });
    case 'case.escalated':
      return d.trigger === 'breach'
        ? t('tl.case.escalated.breach', { from: level(d.from), to: level(d.to) })
        : t('tl.case.escalated.early', { from: level(d.from), to: level(d.to), note: tail(d.note) });
    case 'case.departments-summoned': {
      const ids = Array.isArray(d.departmentIds) ? d.departmentIds.map(String) : [];
      return t('tl.case.departments-summoned', { departments: ids.map((id) => ctx.unitName(id)).join(en ? ', ' : '、') });
    }
    case 'case.department-reported-in':
      return t('tl.case.department-reported-in', { department });
    case 'case.department-refused':
      return t('tl.case.department-refused', { department, reason: str(d.reason) ?? '' });
    case 'case.refusal-decided':
      return t(d.decision === 'accept' ? 'tl.case.refusal-decided.accept' : 'tl.case.refusal-decided.overrule', { department, note: tail(d.note) });
    case 'case.summons-ended':
      return t(d.ending === 'released' ? 'tl.case.summons-ended.released' : 'tl.case.summons-ended.withdrawn', {
        department,
        reason: str(d.reason) ?? '',
        breached: d.breached === true ? t('tl.case.summons-ended.breached') : '',
      });
    case 'case.department-answered':
      return t('tl.case.department-answered', { department, plan: str(d.plan) ?? '—', result: str(d.result) ?? '—' });
    case 'case.resolved':
      return t('tl.case.resolved', { unit, summary: str(d.summary) ?? '' });
    case 'case.suspended':
      return t('tl.case.suspended', { reason: str(d.reason) ?? '' });
    case 'case.resumed':
      return t(d.automatic === true ? 'tl.case.resumed.automatic' : 'tl.case.resumed');
    case 'case.extension-requested':
      return t('tl.case.extension-requested', { extra: durationText(d.extra, ctx), reason: str(d.reason) ?? '' });
    case 'case.extension-decided':
      return t(d.approved === true ? 'tl.case.extension-decided.approved' : 'tl.case.extension-decided.refused', { extra: durationText(d.extra, ctx), note: tail(d.note) });
    case 'case.supervision-issued':
      return t(d.automatic === true ? 'tl.case.supervision-issued.automatic' : 'tl.case.supervision-issued', { notice: str(d.notice) ?? '' });
    case 'case.sla-warning':
      return t('tl.case.sla-warning', { window: withDepartment(window, d, ctx) });
    case 'case.sla-breached':
      return t('tl.case.sla-breached', { window: withDepartment(window, d, ctx) });
    case 'case.callback-due':
      return t('tl.case.callback-due', { due: ctx.fmtTime(str(d.callbackDueAt)) });
    case 'case.callback-recorded':
      return d.reached === false
        ? t('tl.case.callback-recorded.unreached', { comment: tail(d.comment) })
        : t('tl.case.callback-recorded.reached', { satisfaction: str(d.satisfaction) ? t(`satisfaction.${str(d.satisfaction)}`) : '—', comment: tail(d.comment) });
    case 'case.reopened':
      return t('tl.case.reopened', { reason: tail(d.reason) });
    case 'case.review-required':
      return t('tl.case.review-required');
    case 'case.closed': {
      const reason = str(d.closureReason) ?? str(d.reason);
      return t('tl.case.closed', { reason: reason ? t(`closure.${reason}`) : '—', note: tail(d.note) });
    }
    case 'case.deadlines-recomputed':
      return t('tl.case.deadlines-recomputed', { year: typeof d.year === 'number' ? d.year : '—' });
    case 'case.merged':
      return t('tl.case.merged', { master: str(d.masterCaseNumber) ?? '—' });
    case 'case.duplicate-attached':
      return t('tl.case.duplicate-attached', { duplicate: str(d.duplicateCaseNumber) ?? '—' });
    default:
      return t('tl.unknown');
  }
}

/** Who acted: "社区工作人员 · 锦华社区", or 系统 for the workflow's own timers. */
export function actorLine(e: TimelineEventLike, ctx: SentenceContext): string {
  if (!e.actor || e.actor.role === 'system') return ctx.t('tl.system');
  const role = ctx.t(`role.${e.actor.role}`);
  return e.actor.unitId ? ctx.t('tl.by', { role, unit: ctx.unitName(e.actor.unitId) }) : role;
}

/** The lines under a deadline recomputation: each clock's deadline before → after. */
export function recomputedClockLines(e: TimelineEventLike, ctx: SentenceContext): string[] {
  if (e.type !== 'case.deadlines-recomputed' || !Array.isArray(e.detail?.clocks)) return [];
  return (e.detail.clocks as { window: string; departmentId?: string; previousDeadline: string | null; deadline: string | null; provisional?: boolean }[]).map(
    (c) => `${ctx.t(`window.${c.window}`)}${c.departmentId ? ` (${ctx.unitName(c.departmentId)})` : ''}: ${ctx.fmtTime(c.previousDeadline)} → ${ctx.fmtTime(c.deadline)}${c.provisional ? ` · ${ctx.t('sla.provisional')}` : ''}`,
  );
}

function withDepartment(window: string, d: Record<string, unknown>, ctx: SentenceContext): string {
  return str(d.departmentId) ? `${window} (${ctx.unitName(str(d.departmentId))})` : window;
}

function durationText(extra: unknown, ctx: SentenceContext): string {
  if (!extra || typeof extra !== 'object') return '';
  const { amount, unit, basis } = extra as { amount?: number; unit?: string; basis?: string };
  if (typeof amount !== 'number' || !unit) return '';
  const basisText = basis ? ctx.t(`form.basis.${basis}`) : '';
  return ctx.locale === 'en'
    ? `${amount} ${ctx.t(`form.unit.${unit}`)}${basisText ? ` (${basisText.toLowerCase()})` : ''}`
    : `${amount}${ctx.t(`form.unit.${unit}`)}${basisText ? `(${basisText})` : ''}`;
}
