import { chinaDayOf, dateKeyOfChinaDay } from '@civicflow/domain';

/**
 * The China date (UTC+8) of an instant, YYYY-MM-DD; now by default. A test that names "today" takes it when it asks,
 * never once at the start: a run across 16:00 UTC (midnight in China) sees two dates.
 */
export function chinaDate(at: number | Date = Date.now()): string {
  return dateKeyOfChinaDay(chinaDayOf(at));
}

/**
 * Runs `attempt` with today's China date; when it fails and the date changed while it ran (a run across 16:00 UTC),
 * runs it once more with the new date — the date cannot change twice within one attempt. Only for an attempt that
 * leaves nothing behind when it fails.
 */
export async function onChinaToday<T>(attempt: (today: string) => Promise<T>): Promise<T> {
  const today = chinaDate();
  try {
    return await attempt(today);
  } catch (error) {
    if (chinaDate() === today) throw error;
    return attempt(chinaDate());
  }
}
