// The mediator's forms and the mediation service's answers — pure, shared by the screens and the tests:
// where a refusal goes (400 field errors next to their fields, the rest and 409 reasons in an alert), which
// language half of a bilingual reason to show, and session times.

export type Locale = 'zh-CN' | 'en';

export const DISPUTE_TYPES = ['neighbour', 'property-management', 'wages', 'family', 'consumer', 'land-compound', 'other'] as const;
export const PARTY_ROLES = ['applicant', 'respondent', 'other'] as const;
export const CONSULTATION_SIDES = ['party-organisation', 'residents-committee', 'property-company', 'owners-committee', 'other'] as const;
export const GUIDANCE = ['arbitration', 'litigation', 'judicial-confirmation'] as const;

/** A form field's path as antd takes it: `terms.0.partyId` → ['terms', 0, 'partyId']. */
export type FieldPath = (string | number)[];

export interface FieldProblem {
  name: FieldPath;
  errors: string[];
}

/** What to show for a failed request: errors next to the form's fields, and what has no field, as an alert. */
export interface Explained {
  status: number | null;
  fields: FieldProblem[];
  alert: string | null;
  /** the service's refusal code (409), e.g. SESSION_OVERLAPS */
  code: string | null;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/**
 * The services answer reasons as one text, Chinese then English ("须填写调解地点 the session needs a place"). Shows
 * the half of the user's language when the text splits cleanly at its last Chinese character; else all of it.
 */
export function pickLanguage(text: string, locale: Locale): string {
  const trimmed = text.trim();
  let last = -1;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    if (CJK.test(trimmed[i])) {
      last = i;
      break;
    }
  }
  if (last < 0) return trimmed;
  const zh = trimmed.slice(0, last + 1).trim();
  const en = trimmed.slice(last + 1).trim().replace(/^[()（）\s]+|[()（）\s]+$/g, '');
  // an English half is words, not a stray id or number
  if (!/[A-Za-z]{2,}.*\s.*[A-Za-z]/.test(en)) return trimmed;
  if (!CJK.test(zh)) return trimmed;
  return locale === 'zh-CN' ? zh.replace(/[(（]$/, '').trim() : en;
}

export function toFieldPath(field: string): FieldPath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

interface ErrorLike {
  status?: number;
  message?: string;
  body?: unknown;
}

/**
 * Sorts a failed request's answer: 400 `errors: [{ field, reason }]` whose field the form has (`known` says) go next
 * to it, the others into the alert; 409 `reason: { code, zh, en }` (and everything else) is the alert.
 */
export function explainError(error: unknown, locale: Locale, known: (path: FieldPath) => boolean): Explained {
  const e = (error ?? {}) as ErrorLike;
  const status = typeof e.status === 'number' ? e.status : null;
  const body = (e.body && typeof e.body === 'object' ? e.body : {}) as { message?: unknown; errors?: { field?: string; reason?: string }[]; reason?: { code?: string; zh?: string; en?: string } };
  const fields: FieldProblem[] = [];
  const loose: string[] = [];
  if (Array.isArray(body.errors)) {
    for (const item of body.errors) {
      const reason = pickLanguage(String(item.reason ?? ''), locale);
      const path = item.field ? toFieldPath(item.field) : [];
      if (item.field && known(path)) {
        const existing = fields.find((f) => f.name.join('.') === path.join('.'));
        if (existing) existing.errors.push(reason);
        else fields.push({ name: path, errors: [reason] });
      } else {
        loose.push(item.field && item.field !== '(body)' ? `${item.field}: ${reason}` : reason);
      }
    }
  }
  const refusal = body.reason && typeof body.reason === 'object' ? body.reason : null;
  let alert: string | null = null;
  if (refusal && (refusal.zh || refusal.en)) {
    alert = (locale === 'zh-CN' ? refusal.zh ?? refusal.en : refusal.en ?? refusal.zh) ?? null;
  } else if (loose.length) {
    alert = loose.join('；');
  } else if (fields.length === 0) {
    alert = typeof body.message === 'string' ? pickLanguage(body.message, locale) : e.message ?? (status ? `HTTP ${status}` : String(error));
  }
  return { status, fields, alert, code: refusal?.code ?? null };
}

/**
 * The first whole minute at least `leadMs` from now: a session "in a minute" that can be typed as HH:mm and is still
 * in the future when the form is sent.
 */
export function nextWholeMinute(nowMs: number, leadMs: number): Date {
  const at = new Date(nowMs + leadMs);
  if (at.getSeconds() !== 0 || at.getMilliseconds() !== 0) {
    at.setSeconds(0, 0);
    at.setMinutes(at.getMinutes() + 1);
  }
  return at;
}

/** A session as the screens see it: not started, running (minutes can be recorded) or held. */
export function sessionPhase(session: { startsAt: string; endsAt?: string; status?: string }, nowMs: number): 'upcoming' | 'started' | 'held' {
  if (session.status === 'held') return 'held';
  return Date.parse(session.startsAt) <= nowMs ? 'started' : 'upcoming';
}

/** Only the fields a party edit changes (an empty contact keeps the one on record). */
export function partyEdit<T extends object>(before: Record<string, unknown>, values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, raw] of Object.entries(values) as [string, unknown][]) {
    const value: unknown = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === null || value === '') continue;
    if (before[key] === value) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
