// SLA badge and countdown arithmetic for the console: pure, so the lists, the case page and the tests agree.

export type SlaColor = 'green' | 'yellow' | 'red' | 'grey';

/** What the server says of a clock (worklist `sla`, a CaseView clock, a timeline snapshot). */
export interface SlaLike {
  status?: string | null;
  paused?: boolean | null;
  deadline?: string | null;
  warningAt?: string | null;
  startedAt?: string | null;
  /** 暂定: computed from the statutory holidays of a year without an official arrangement yet. */
  provisional?: boolean | null;
}

export interface SlaReading {
  color: SlaColor;
  /** ms until the deadline (negative once past it); null without a running deadline */
  remainingMs: number | null;
  paused: boolean;
}

const WARNING_FRACTION = 0.8;

/**
 * Green while on track, yellow from the warning instant (≈ 80 % of the window), red at the deadline — whichever
 * comes first of the server's status and the local clock, so a badge turns red on time without waiting for the
 * next event. Grey: paused (挂起), or no deadline at all.
 */
export function readSla(sla: SlaLike | null | undefined, now: number): SlaReading {
  if (!sla) return { color: 'grey', remainingMs: null, paused: false };
  const paused = !!sla.paused;
  const deadline = sla.deadline ? Date.parse(sla.deadline) : NaN;
  if (paused || Number.isNaN(deadline)) {
    return { color: sla.status === 'breached' ? 'red' : 'grey', remainingMs: null, paused };
  }
  const remainingMs = deadline - now;
  let warningAt = sla.warningAt ? Date.parse(sla.warningAt) : NaN;
  if (Number.isNaN(warningAt) && sla.startedAt) {
    const started = Date.parse(sla.startedAt);
    if (!Number.isNaN(started)) warningAt = started + (deadline - started) * WARNING_FRACTION;
  }
  let color: SlaColor = 'green';
  if (sla.status === 'breached' || remainingMs <= 0) color = 'red';
  else if (sla.status === 'warning' || (!Number.isNaN(warningAt) && now >= warningAt)) color = 'yellow';
  return { color, remainingMs, paused };
}

export interface DurationParts {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Splits a remaining time into days / hours / minutes / seconds (absolute), with the sign as `overdue`. */
export function splitDuration(ms: number): DurationParts {
  const overdue = ms < 0;
  let rest = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  return { overdue, days, hours, minutes, seconds };
}

export type CountdownLocale = 'zh-CN' | 'en';

/**
 * "剩余 2天3小时" / "2d 3h left", "超时 5分12秒" / "5m 12s overdue". Two most significant units; seconds only
 * under an hour, so a short demo window visibly ticks.
 */
export function formatCountdown(ms: number, locale: CountdownLocale): string {
  const p = splitDuration(ms);
  const units: [number, string, string][] = [
    [p.days, '天', 'd'],
    [p.hours, '小时', 'h'],
    [p.minutes, '分', 'm'],
    [p.seconds, '秒', 's'],
  ];
  const first = units.findIndex(([n], i) => n > 0 || i === units.length - 1);
  const shown = units.slice(first, first + 2).filter(([n], i) => i === 0 || n > 0);
  // seconds are noise once the remaining time is an hour or more
  const parts = shown.filter(([, zh], i) => !(zh === '秒' && i > 0 && (p.days > 0 || p.hours > 0)));
  if (locale === 'zh-CN') {
    const text = parts.map(([n, zh]) => `${n}${zh}`).join('');
    return p.overdue ? `超时 ${text}` : `剩余 ${text}`;
  }
  const text = parts.map(([n, , en]) => `${n}${en}`).join(' ');
  return p.overdue ? `${text} overdue` : `${text} left`;
}

/** antd Tag / Badge colour for an SLA colour (contrast-checked against white text where a Tag is filled). */
export const SLA_TAG_COLOR: Record<SlaColor, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  grey: 'default',
};

/** Orders cases by urgency of their deadline: overdue first (most overdue first), then nearest; none last. */
export function compareByDeadline(a: string | null | undefined, b: string | null | undefined): number {
  const ta = a ? Date.parse(a) : Number.POSITIVE_INFINITY;
  const tb = b ? Date.parse(b) : Number.POSITIVE_INFINITY;
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}
