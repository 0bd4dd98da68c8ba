import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { CHINA_TIME_ZONE } from '../lib/china-time';
import { LOCALE_STORAGE_KEY, storedLocale } from './locale';
import { type Locale, translate } from './messages';

export type { Locale } from './messages';
export { storedLocale } from './locale';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: string, params?: Record<string, string | number>): string;
  /** 2026-05-04 14:03 in the user's locale, China time */
  fmtTime(iso: string | null | undefined): string;
  fmtDate(iso: string | null | undefined): string;
  fmtNumber(n: number | null | undefined, digits?: number): string;
  fmtPercent(rate: number | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);


export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  // the page's language for screen readers, spell checking and fonts — right from the first render, also after a reload
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(LOCALE_STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    // China time whatever the browser's own zone: deadlines and office hours are China's
    const dateTime = new Intl.DateTimeFormat(locale, { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    const date = new Intl.DateTimeFormat(locale, { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      fmtTime: (iso) => (iso ? dateTime.format(new Date(iso)) : '—'),
      fmtDate: (iso) => (iso ? date.format(new Date(iso)) : '—'),
      fmtNumber: (n, digits = 0) => (n === null || n === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n)),
      fmtPercent: (rate) =>
        rate === null || rate === undefined ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
