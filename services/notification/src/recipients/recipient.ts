import { Role } from '@civicflow/contracts';

export type Locale = 'zh-CN' | 'en';

/**
 * Who a notice is for, before the directory turns it into people. Nothing here is an address: citizens are
 * known by reference (the hotline's keyed hash of the caller number), users by id or by role within a unit.
 */
export type Audience =
  /** every active user holding the role in exactly this unit, e.g. the community handlers of bf-d01-s01-c01 */
  | { kind: 'role'; role: Role; unitId: string }
  | { kind: 'user'; userId: string }
  /** a citizen by reference: a reporter ref (keyed hash) or a source key `source:<channel>:<sourceRef>` */
  | { kind: 'citizen'; citizenRef: string }
  /** everyone who reported the case: the first report and every duplicate merged into it (合并) */
  | { kind: 'case-reporters'; caseNumber: string };

export type RecipientKind = 'user' | 'citizen';

/** Where a recipient can be reached. Users always have an inbox; the rest only when the directory knows it. */
export interface ContactPoints {
  phone?: string;
  email?: string;
  wechatOpenId?: string;
}

/** A person a notice resolved to. */
export interface Recipient {
  kind: RecipientKind;
  id: string;
  locale?: Locale;
  contact: ContactPoints;
}

/** The prefix that marks a citizen reference as "the reporter of this call/report", resolved later. */
export const SOURCE_REF_PREFIX = 'source:';

export function sourceRef(channel: string, ref: string): string {
  return `${SOURCE_REF_PREFIX}${channel}:${ref}`;
}

/** Shows a phone number the way the hotline does (138****5678): message lists never show it whole. */
export function maskPhone(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/[\s-]/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}
