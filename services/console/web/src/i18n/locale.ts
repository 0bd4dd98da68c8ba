import type { Locale } from './messages';

export const LOCALE_STORAGE_KEY = 'civicflow.locale';

/** The language chosen in this browser (中文 unless English was picked); the API client asks the services in it. */
export function storedLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'zh-CN';
}
