import { toChinaWallClock } from '@civicflow/domain';
import { Locale } from '../recipients/recipient';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An instant as a reader in China expects it, in Beijing time whatever the server's zone:
 * zh-CN `2026年3月10日 14:05`, en `10 Mar 2026, 14:05 (Beijing time)`. Built by hand rather than with Intl so
 * the text is the same on every machine (ICU versions differ in their English patterns).
 */
export function formatChinaTime(instant: string | Date, locale: Locale): string {
  const { date, time } = toChinaWallClock(new Date(instant));
  const [year, month, day] = date.split('-').map(Number);
  const hhmm = time.slice(0, 5);
  return locale === 'zh-CN' ? `${year}年${month}月${day}日 ${hhmm}` : `${day} ${EN_MONTHS[month - 1]} ${year}, ${hhmm} (Beijing time)`;
}

/** Cuts a text to `max` characters (code points, so a Chinese character is never split), with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
