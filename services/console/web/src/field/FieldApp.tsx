// 移动端 for field staff (网格员, 社区工作人员) on a phone (390 × 844 and up): their list, a case with 签收 and 办结 with
// photos from the camera before and after the work, and patrol reports (巡查上报) with the phone's location. The same
// APIs as the desk screens, in one column with large targets.
import { Suspense, lazy } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Button, Segmented, Spin, Typography } from 'antd';
import { FileAddOutlined, LogoutOutlined, ProfileOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useSession, useUser } from '../api/session';
import { LiveProvider } from '../api/live';
import { useI18n } from '../i18n';

const FieldList = lazy(() => import('./FieldList').then((m) => ({ default: m.FieldList })));
const FieldCase = lazy(() => import('./FieldCase').then((m) => ({ default: m.FieldCase })));
const FieldReport = lazy(() => import('./FieldReport').then((m) => ({ default: m.FieldReport })));
const FieldMine = lazy(() => import('./FieldMine').then((m) => ({ default: m.FieldMine })));

/** Roles that work in the field and get this page. */
const FIELD_ROLES = new Set(['grid-worker', 'community-handler']);

export function FieldApp() {
  const user = useUser();
  if (!FIELD_ROLES.has(user.role)) return <Navigate to="/" replace />;
  return (
    <LiveProvider userId={user.userId}>
      <div className="field-app" data-testid="field-app">
        <FieldHeader />
        <main id="main" className="field-main">
          <Suspense fallback={<Spin style={{ display: 'block', margin: 32 }} />}>
            <Routes>
              <Route path="/" element={<FieldList />} />
              <Route path="/cases/:caseNumber" element={<FieldCase />} />
              <Route path="/report" element={user.role === 'grid-worker' ? <FieldReport /> : <Navigate to="/m" replace />} />
              <Route path="/mine" element={user.role === 'grid-worker' ? <FieldMine /> : <Navigate to="/m" replace />} />
              <Route path="*" element={<Navigate to="/m" replace />} />
            </Routes>
          </Suspense>
        </main>
        <FieldNav />
      </div>
    </LiveProvider>
  );
}

function FieldHeader() {
  const { t, locale, setLocale } = useI18n();
  const user = useUser();
  const { logout } = useSession();
  return (
    <header className="field-header">
      <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>{t('field.title')}</Typography.Text>
      <span style={{ flex: 1 }} />
      <Segmented size="small" aria-label={t('app.language')} value={locale} onChange={(v) => setLocale(v as 'zh-CN' | 'en')}
        options={[{ label: '中', value: 'zh-CN' }, { label: 'EN', value: 'en' }]} />
      <Typography.Text style={{ color: '#fff', fontSize: 13 }} data-testid="current-user" data-role={user.role}>{user.name.split(' (')[0]}</Typography.Text>
      <Button size="small" icon={<LogoutOutlined />} onClick={logout} aria-label={t('app.logout')} />
    </header>
  );
}

function FieldNav() {
  const { t } = useI18n();
  const user = useUser();
  const { pathname } = useLocation();
  const items = [
    { to: '/m', icon: <UnorderedListOutlined />, label: t('field.list'), active: pathname === '/m' || pathname.startsWith('/m/cases') },
    ...(user.role === 'grid-worker'
      ? [
          { to: '/m/report', icon: <FileAddOutlined />, label: t('field.report'), active: pathname === '/m/report' },
          { to: '/m/mine', icon: <ProfileOutlined />, label: t('field.myReports'), active: pathname === '/m/mine' },
        ]
      : []),
  ];
  return (
    <nav className="field-nav" aria-label={t('field.nav')}>
      {items.map((item) => (
        <Link key={item.to} to={item.to} className={item.active ? 'active' : undefined} aria-current={item.active ? 'page' : undefined} data-testid={`field-nav-${item.to.split('/')[2] ?? 'list'}`}>
          {item.icon}
          <span>{item.label}</span>
        </Link>
      ))}
    </nav>
  );
}
