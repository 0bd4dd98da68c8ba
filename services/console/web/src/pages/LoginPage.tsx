import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';
import { homeOf, useSession } from '../api/session';
import { ApiError } from '../api/client';

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const user = await login(values.username.trim(), values.password);
      const next = params.get('next');
      void navigate(next && next !== '/' && !next.startsWith('/login') ? next : homeOf(user.role), { replace: true });
    } catch (e) {
      // a wrong password is the usual 401; anything else (offline, server down, locked) says what it is
      setError(e instanceof ApiError && e.status !== 401 ? e.message : t('login.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg,#0b2f6b,#1554c0)' }}>
      <Card style={{ width: 380 }} title={<Typography.Title level={4} style={{ margin: 0 }}>{t('app.title')}</Typography.Title>}
        extra={<Segmented size="small" aria-label={t('app.language')} value={locale} onChange={(v) => setLocale(v as 'zh-CN' | 'en')} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en' }]} />}>
        <Form layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.username') }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.password') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {params.get('expired') && !error && <Alert type="warning" title={t('login.expired')} showIcon style={{ marginBottom: 12 }} role="status" data-testid="login-expired" />}
          {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" data-testid="login-error" />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('login.demo')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
