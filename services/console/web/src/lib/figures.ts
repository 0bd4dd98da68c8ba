// The supervisor's figures (casework statistics): which rate has which numerator and denominator, and which
// way is better — pure, shared by the cards, the table and the tests.
import type { Rates } from '@civicflow/contracts';
import { addChinaDays, chinaDay } from './china-time';

export type { Rates };

export type RateKey = 'composite' | 'responseRate' | 'respondedOnTimeRate' | 'resolutionRate' | 'satisfactionRate' | 'onTimeRate' | 'escalationRate' | 'returnRate' | 'reopenRate';

export interface FigureDef {
  key: RateKey;
  /** the counts behind the rate (the composite has none: its formula explains it) */
  numerator?: keyof Rates;
  denominator?: keyof Rates;
  lowerIsBetter: boolean;
  /** the three rates (三率) lead the dashboard */
  headline: boolean;
}

export const FIGURES: readonly FigureDef[] = [
  { key: 'composite', lowerIsBetter: false, headline: true },
  { key: 'responseRate', numerator: 'responded', denominator: 'cases', lowerIsBetter: false, headline: true },
  { key: 'respondedOnTimeRate', numerator: 'respondedOnTime', denominator: 'cases', lowerIsBetter: false, headline: false },
  { key: 'resolutionRate', numerator: 'resolved', denominator: 'cases', lowerIsBetter: false, headline: true },
  { key: 'satisfactionRate', numerator: 'satisfied', denominator: 'callbacks', lowerIsBetter: false, headline: true },
  { key: 'onTimeRate', numerator: 'onTime', denominator: 'resolved', lowerIsBetter: false, headline: false },
  { key: 'escalationRate', numerator: 'escalated', denominator: 'cases', lowerIsBetter: true, headline: false },
  { key: 'returnRate', numerator: 'returned', denominator: 'cases', lowerIsBetter: true, headline: false },
  { key: 'reopenRate', numerator: 'reopened', denominator: 'resolved', lowerIsBetter: true, headline: false },
];

/** Colour of a rate for the dashboard: good ≥ 90 % (≤ 10 % when lower is better), poor < 70 % (> 30 %). */
export function rateTone(rate: number | null | undefined, lowerIsBetter: boolean): 'good' | 'fair' | 'poor' | 'none' {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 'none';
  const score = lowerIsBetter ? 1 - rate : rate;
  if (score >= 0.9) return 'good';
  if (score >= 0.7) return 'fair';
  return 'poor';
}

/** Text colours of a figure by its tone, each ≥ 4.5:1 on white (WCAG AA; the amber once was #ad6800, 4.41). */
export const TONE_COLOR = { good: '#237804', fair: '#874d00', poor: '#a8071a', none: '#595959' } as const;

/** The China-day period of a preset: this month, last 7 days, last 30 days (YYYY-MM-DD, inclusive). */
export function presetPeriod(preset: 'month' | '7d' | '30d', now: Date): { from: string; to: string } {
  const to = chinaDay(now);
  if (preset === 'month') return { from: `${to.slice(0, 8)}01`, to };
  return { from: addChinaDays(to, preset === '7d' ? -6 : -29), to };
}

/** A figure's formula under the scoring policy in force (from the summary's `policy.formulas`), as the card's and cell's explanation. */
export type Formulas = Partial<Record<RateKey, { zh: string; en: string }>>;
