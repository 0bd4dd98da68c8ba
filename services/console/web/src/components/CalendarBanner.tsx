import { useEffect } from 'react';
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { usePolling } from '../api/live';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/use-async';

interface Coverage {
  officialThrough: string;
  missingYear: number;
  daysLeft: number;
  warning: boolean;
}

/** Sent by the calendar page after a save, so the banner asks again at once. */
export const CALENDAR_CHANGED_EVENT = 'civicflow:calendar-changed';

/**
 * 日历到期提醒 for administrators and supervisors: from 60 days before the last officially arranged day until the
 * next year is entered (grid's coverage), on every page; administrators get a link to the calendar page.
 */
export function CalendarBanner({ canEnter }: { canEnter: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const coverage = useAsync(() => api<Coverage>('grid/calendar/coverage'), []);
  usePolling(coverage.refresh, 15 * 60_000);
  const { reload } = coverage;
  useEffect(() => {
    window.addEventListener(CALENDAR_CHANGED_EVENT, reload);
    return () => window.removeEventListener(CALENDAR_CHANGED_EVENT, reload);
  }, [reload]);
  const c = coverage.data;
  if (!c?.warning) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="calendar-banner"
      title={c.daysLeft >= 0 ? t('cal.banner', { date: c.officialThrough, days: c.daysLeft, year: c.missingYear }) : t('cal.banner.past', { year: c.missingYear })}
      action={canEnter ? <Button size="small" type="primary" onClick={() => void navigate('/calendar')} data-testid="calendar-banner-enter">{t('cal.banner.enter')}</Button> : undefined}
      style={{ marginBottom: 8 }}
    />
  );
}
