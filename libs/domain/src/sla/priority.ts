import type { Bilingual } from '../shared/bilingual';

/** 紧急 urgent · 较急 high · 一般 normal · 缓办 low. Urgent cases run on natural time. */
export type Priority = 'urgent' | 'high' | 'normal' | 'low';

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly Priority[];

export const PRIORITY_LABELS: Readonly<Record<Priority, Bilingual>> = {
  urgent: { zh: '紧急', en: 'urgent' },
  high: { zh: '较急', en: 'high' },
  normal: { zh: '一般', en: 'normal' },
  low: { zh: '缓办', en: 'low' },
};

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}
