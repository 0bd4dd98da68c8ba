import type { Bilingual } from '../shared/bilingual';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './china-time';

/**
 * 工作时间 working time counts only office hours on working days; 自然时间 natural time counts the wall
 * clock (used for urgent cases and for mediation's 30 days).
 */
export type TimeBasis = 'working' | 'natural';
export type DurationUnit = 'minutes' | 'hours' | 'days';

/**
 * A duration as policy states it ("3 working days"), kept symbolic and serialisable: a working day only
 * becomes milliseconds against a jurisdiction's office hours.
 */
export interface BusinessDuration {
  readonly basis: TimeBasis;
  readonly amount: number;
  readonly unit: DurationUnit;
}

export const workingMinutes = (amount: number): BusinessDuration => ({ basis: 'working', amount, unit: 'minutes' });
export const workingHours = (amount: number): BusinessDuration => ({ basis: 'working', amount, unit: 'hours' });
export const workingDays = (amount: number): BusinessDuration => ({ basis: 'working', amount, unit: 'days' });
export const naturalMinutes = (amount: number): BusinessDuration => ({ basis: 'natural', amount, unit: 'minutes' });
export const naturalHours = (amount: number): BusinessDuration => ({ basis: 'natural', amount, unit: 'hours' });
export const naturalDays = (amount: number): BusinessDuration => ({ basis: 'natural', amount, unit: 'days' });

/** Milliseconds of the duration; `workingDayMs` is the jurisdiction's office-hours length per day. */
export function durationToMs(duration: BusinessDuration, workingDayMs: number): number {
  const unitMs: Record<DurationUnit, number> = {
    minutes: MINUTE_MS,
    hours: HOUR_MS,
    days: duration.basis === 'working' ? workingDayMs : DAY_MS,
  };
  return Math.round(duration.amount * unitMs[duration.unit]);
}

export function isValidDuration(duration: BusinessDuration): boolean {
  return (
    (duration.basis === 'working' || duration.basis === 'natural') &&
    (duration.unit === 'minutes' || duration.unit === 'hours' || duration.unit === 'days') &&
    Number.isFinite(duration.amount) &&
    duration.amount > 0
  );
}

/** "3个工作日 / 3 working days", "24小时 / 24 hours". */
export function describeDuration(duration: BusinessDuration): Bilingual {
  const { amount, unit, basis } = duration;
  const working = basis === 'working';
  const zhUnit = { minutes: '分钟', hours: '小时', days: '天' }[unit];
  const zh = working ? (unit === 'days' ? `${amount}个工作日` : `${amount}个工作${zhUnit}`) : `${amount}${zhUnit}`;
  const enUnit = amount === 1 ? unit.slice(0, -1) : unit;
  const en = working ? `${amount} working ${enUnit}` : `${amount} ${enUnit}`;
  return { zh, en };
}
