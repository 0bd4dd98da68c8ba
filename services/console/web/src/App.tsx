// The console: languages, theme, session and the three ways in — the login page, the field staff's phone page
// (/m) and the desk workspace — each loaded on demand, so the login page loads no more than it shows.
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './api/session';

const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const Workspace = lazy(() => import('./Workspace').then((m) => ({ default: m.Workspace })));
const FieldApp = lazy(() => import('./field/FieldApp').then((m) => ({ default: m.FieldApp })));

const THEME = {
  token: {
    colorPrimary: '#1554c0', // 4.5:1+ against white for links and primary buttons
    fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
    borderRadius: 4,
    fontSize: 14,
    // WCAG AA: secondary and placeholder text at 4.5:1 or more on white
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    // status colours dark enough for text on their light backgrounds (tags, alerts)
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorError: '#c41d1d',
    colorInfo: '#1554c0',
  },
};

export function App() {
  return (
    <I18nProvider>
      <LocalisedApp />
    </I18nProvider>
  );
}

function LocalisedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={THEME} componentSize="middle">
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
              <Routed />
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Routed() {
  const { user, expired } = useSession();
  const location = useLocation();
  if (!user) {
    const next = location.pathname.startsWith('/login') ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}${expired ? '&expired=1' : ''}`;
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to={`/login${next}`} replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/m/*" element={<FieldApp />} />
      <Route path="*" element={<Workspace />} />
    </Routes>
  );
}
