import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { type Locale, translate } from './messages';

export type { Locale } from './messages';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: string, params?: Record<string, string | number>): string;
  /** 2026-05-04 14:03 in the user's locale */
  fmtTime(iso: string | null | undefined): string;
  fmtDate(iso: string | null | undefined): string;
  fmtNumber(n: number | null | undefined, digits?: number): string;
  fmtPercent(rate: number | null | undefined): string;
}

const STORAGE_KEY = 'civicflow.locale';
const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' });
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
