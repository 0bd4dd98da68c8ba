// The signed-in workspace: the header (case search, live-stream state, inbox, language, user), the role's menu
// and its pages, each loaded on demand, so a role downloads only the screens it works with.
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Badge, Button, Drawer, Empty, Input, Layout, List, Menu, Segmented, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { AlertOutlined, ApartmentOutlined, AuditOutlined, FileTextOutlined, BellOutlined, CalendarOutlined, CustomerServiceOutlined, DashboardOutlined, LogoutOutlined, MobileOutlined, PhoneOutlined, SendOutlined, SolutionOutlined, TeamOutlined, WifiOutlined } from '@ant-design/icons';
import { useI18n } from './i18n';
import { homeOf, SCREEN_PATHS, useSession, useUser } from './api/session';
import { roleDefinition, type Screen } from './lib/vocabulary';
import { type InboxItem, LiveProvider, useLive, useScreenPops } from './api/live';
import { api, connectivity, listOf } from './api/client';
import { CalendarBanner } from './components/CalendarBanner';

const CallPage = lazy(() => import('./pages/CallPage').then((m) => ({ default: m.CallPage })));
const CallbacksPage = lazy(() => import('./pages/CallbacksPage').then((m) => ({ default: m.CallbacksPage })));
const DispatchPage = lazy(() => import('./pages/DispatchPage').then((m) => ({ default: m.DispatchPage })));
const WorklistPage = lazy(() => import('./pages/WorklistPage').then((m) => ({ default: m.WorklistPage })));
const CasePage = lazy(() => import('./pages/CasePage').then((m) => ({ default: m.CasePage })));
const MediationPage = lazy(() => import('./pages/MediationPage').then((m) => ({ default: m.MediationPage })));
const SupervisorPage = lazy(() => import('./pages/SupervisorPage').then((m) => ({ default: m.SupervisorPage })));
const BreachesPage = lazy(() => import('./pages/BreachesPage').then((m) => ({ default: m.BreachesPage })));
const CalendarPage = lazy(() => import('./pages/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const MonthlyReportPage = lazy(() => import('./pages/MonthlyReportPage').then((m) => ({ default: m.MonthlyReportPage })));
const ScoringPolicyPage = lazy(() => import('./pages/ScoringPolicyPage').then((m) => ({ default: m.ScoringPolicyPage })));

/** Roles that work in the field: a phone opens their page (/m), the desk links to it. */
const FIELD_ROLES = new Set(['grid-worker', 'community-handler']);
const onAPhone = () => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 640px)').matches;

export function Workspace() {
  const user = useUser();
  const location = useLocation();
  if (FIELD_ROLES.has(user.role) && onAPhone() && (location.pathname === '/' || location.pathname === homeOf(user.role))) return <Navigate to="/m" replace />;
  return (
    <LiveProvider userId={user.userId}>
      <Shell>
        <Routes>
          <Route path="/login" element={<Navigate to={homeOf(user.role)} replace />} />
          <Route path="/call" element={<CallPage />} />
          <Route path="/callbacks" element={<CallbacksPage />} />
          <Route path="/dispatch" element={<DispatchPage />} />
          <Route path="/worklist" element={<WorklistPage />} />
          <Route path="/cases/:caseNumber" element={<CasePage />} />
          <Route path="/mediation" element={<MediationPage />} />
          <Route path="/supervisor" element={<SupervisorPage />} />
          <Route path="/breaches" element={<BreachesPage />} />
          <Route path="/calendar" element={<CalendarPage />} />
          <Route path="/reports/monthly" element={<MonthlyReportPage />} />
          <Route path="/policy" element={<ScoringPolicyPage />} />
          <Route path="*" element={<Navigate to={homeOf(user.role)} replace />} />
        </Routes>
      </Shell>
    </LiveProvider>
  );
}

/** Whether the gateway can be reached (a failed request or the browser's offline event says no). */
export function useOnline(): boolean {
  return useSyncExternalStore(connectivity.subscribe, connectivity.online);
}

const SCREEN_ICONS: Record<Screen, React.ReactNode> = {
  call: <PhoneOutlined />,
  callbacks: <CustomerServiceOutlined />,
  dispatch: <SendOutlined />,
  worklist: <SolutionOutlined />,
  mediation: <TeamOutlined />,
  figures: <DashboardOutlined />,
  breaches: <AlertOutlined />,
  calendar: <CalendarOutlined />,
  reports: <FileTextOutlined />,
  policy: <AuditOutlined />,
};

/** The role's working screens, as the role table lists them (libs/domain/src/vocabulary/roles.ts). */
function menuFor(role: string) {
  return (roleDefinition(role)?.screens ?? ['worklist']).map((screen) => ({ key: SCREEN_PATHS[screen], icon: SCREEN_ICONS[screen], label: `nav.${screen}` }));
}

/** 来电弹屏: a call ringing at an operator who is on another screen brings up the call form. */
function ScreenPopRouter() {
  const navigate = useNavigate();
  const location = useLocation();
  useScreenPops((pop) => {
    if (pop.state !== 'hung-up' && location.pathname !== '/call') void navigate(`/call?pop=${encodeURIComponent(pop.callRef)}`);
  });
  return null;
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const user = useUser();
  const { logout } = useSession();
  const { connected } = useLive();
  const online = useOnline();
  const navigate = useNavigate();
  const location = useLocation();
  const items = menuFor(user.role);
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {user.role === 'operator' && <ScreenPopRouter />}
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, background: '#0b2f6b', height: 52, lineHeight: '52px' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          <ApartmentOutlined /> {t('app.title')}
        </Typography.Text>
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {t('app.city')}
        </Tag>
        <Input.Search
          aria-label={t('app.gotoCase')}
          data-testid="goto-case"
          placeholder={t('app.gotoCase.placeholder')}
          style={{ maxWidth: 260, marginTop: 10 }}
          size="middle"
          onSearch={(v) => v.trim() && navigate(`/cases/${encodeURIComponent(v.trim())}`)}
        />
        <div style={{ flex: 1 }} />
        <Tooltip title={connected ? t('app.live.on') : t('app.live.off')}>
          <WifiOutlined aria-label={connected ? t('app.live.on') : t('app.live.off')} style={{ color: connected ? '#95de64' : '#8c8c8c' }} />
        </Tooltip>
        {FIELD_ROLES.has(user.role) && (
          <Button size="small" type="text" style={{ color: '#fff' }} icon={<MobileOutlined />} onClick={() => navigate('/m')} data-testid="open-field">
            {t('app.field')}
          </Button>
        )}
        <InboxBell />
        <Segmented
          aria-label={t('app.language')}
          data-testid="lang-switch"
          size="small"
          value={locale}
          onChange={(v) => setLocale(v as 'zh-CN' | 'en')}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'EN', value: 'en' },
          ]}
        />
        <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="current-user" data-role={user.role} data-unit={user.unitId}>
          {user.name.split(' (')[0]} · {t(`role.${user.role}`)}
        </Typography.Text>
        <Button size="small" icon={<LogoutOutlined />} onClick={logout} data-testid="logout">
          {t('app.logout')}
        </Button>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={168} theme="light" breakpoint="lg" collapsedWidth={56} style={{ borderInlineEnd: '1px solid #e5e7eb' }}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items.map((i) => ({ key: i.key, icon: i.icon, label: t(i.label), 'data-testid': `nav-${i.key.slice(1)}` }))}
            onClick={(e) => navigate(e.key)}
            style={{ borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 12, minWidth: 0 }}>
          {(user.role === 'admin' || user.role === 'supervisor') && <CalendarBanner canEnter={user.role === 'admin'} />}
          {!online && <Alert type="warning" showIcon banner role="status" title={t('app.offline')} data-testid="offline-banner" style={{ marginBottom: 8 }} />}
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{children}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function InboxBell() {
  const { t, fmtTime } = useI18n();
  const { subscribe } = useLive();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<InboxItem[]>([]);
  const [unread, setUnread] = useState(0);
  const load = () =>
    api<{ unread: number; items: InboxItem[] }>('notification/inbox', { query: { limit: 50 } })
      .then((r) => {
        setItems(listOf<InboxItem>(r, 'items'));
        setUnread(r?.unread ?? 0);
      })
      .catch(() => undefined);
  useEffect(() => {
    void load();
    const off = subscribe((m) => {
      if (m.kind === 'inbox') {
        setItems((prev) => [m.data, ...prev.filter((i) => i.id !== m.data.id)].slice(0, 50));
        setUnread((n) => n + 1);
      }
    });
    const id = setInterval(() => void load(), 60_000);
    return () => {
      off();
      clearInterval(id);
    };
  }, [subscribe]);
  return (
    <>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          aria-label={`${t('app.inbox')} (${unread})`}
          data-testid="inbox-button"
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        title={t('app.inbox')}
        open={open}
        onClose={() => setOpen(false)}
        size="default"
        extra={
          <Button size="small" onClick={() => void api('notification/inbox/read-all', { method: 'POST' }).then(load)}>
            {t('app.inbox.readAll')}
          </Button>
        }
      >
        {items.length === 0 ? (
          <Empty description={t('app.inbox.empty')} />
        ) : (
          <List
            data-testid="inbox-list"
            dataSource={items}
            renderItem={(item) => (
              <List.Item
                style={{ cursor: item.caseNumber || item.link ? 'pointer' : undefined, background: item.read ? undefined : '#f0f5ff', paddingInline: 8 }}
                onClick={() => {
                  if (!item.read) void api(`notification/inbox/${encodeURIComponent(item.id)}/read`, { method: 'POST' }).then(load);
                  if (item.caseNumber) {
                    setOpen(false);
                    void navigate(`/cases/${encodeURIComponent(item.caseNumber)}`);
                  } else if (item.link?.startsWith('/')) {
                    // a notice about something else than a case (the monthly report): its own page
                    setOpen(false);
                    void navigate(item.link);
                  }
                }}
              >
                <List.Item.Meta
                  title={
                    <Space size={4}>
                      {item.urgent && <Tag color="red">!</Tag>}
                      <span>{item.title}</span>
                    </Space>
                  }
                  description={
                    <>
                      <div>{item.body}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {fmtTime(item.createdAt)} {item.caseNumber}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
