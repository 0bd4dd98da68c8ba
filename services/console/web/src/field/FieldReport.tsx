// 巡查上报 from the phone: what the grid worker found, its category, where they stand (the phone's location, or an
// address) and photos from the camera. One report id per form, so sending again after a lost answer makes no second case.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { AimOutlined, SendOutlined } from '@ant-design/icons';
import { newRequestId, upload } from '../api/client';
import { useI18n } from '../i18n';
import { CaseLink } from '../components/common';
import { MINORS } from '../lib/taxonomy';
import { CameraInput } from './CameraInput';

interface Values {
  categoryCode: string;
  content: string;
  address?: string;
}

export function FieldReport() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [reportId, setReportId] = useState(newRequestId);
  const [point, setPoint] = useState<{ lng: number; lat: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<{ caseNumber: string; merged: boolean } | null>(null);
  const categories = useMemo(() => MINORS.map((m) => ({ value: m.code, label: `${locale === 'zh-CN' ? m.zh : m.en} ${m.code}` })), [locale]);

  const locate = () => {
    if (!('geolocation' in navigator)) return setError(t('field.location.unavailable'));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setPoint({ lng: round6(position.coords.longitude), lat: round6(position.coords.latitude) });
      },
      () => {
        setLocating(false);
        setError(t('field.location.unavailable'));
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  const submit = async (values: Values) => {
    if (!point && !values.address?.trim()) return setError(t('call.placeRequired'));
    setBusy(true);
    setError(undefined);
    const body = new FormData();
    body.append('reportId', reportId);
    body.append('categoryCode', values.categoryCode);
    body.append('content', values.content.trim());
    if (values.address?.trim()) body.append('address', values.address.trim());
    if (point) {
      body.append('location[lng]', String(point.lng));
      body.append('location[lat]', String(point.lat));
    }
    for (const photo of photos) body.append('photos', photo, photo.name);
    try {
      const answer = await upload<{ caseNumber: string; merged: boolean }>('intake/reports/patrol', body);
      setSent(answer);
      void message.success(t('field.report.sent', { n: answer.caseNumber }));
      // the next report is a new one
      form.resetFields();
      setPhotos([]);
      setPoint(null);
      setReportId(newRequestId());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="field-report-title">
      <Typography.Title level={2} id="field-report-title" className="field-title">{t('field.report')}</Typography.Title>
      {sent && (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} data-testid="field-report-sent" data-case={sent.caseNumber}
          title={<span>{t(sent.merged ? 'field.report.merged' : 'field.report.became')} <CaseLink caseNumber={sent.caseNumber} /></span>} />
      )}
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="field-report-form">
          <Form.Item name="categoryCode" label={t('call.category')} rules={[{ required: true, message: t('call.category') }]}>
            <Select showSearch optionFilterProp="label" options={categories} data-testid="field-report-category" placeholder={t('field.report.category')} />
          </Form.Item>
          <Form.Item name="content" label={t('field.report.content')} rules={[{ required: true, whitespace: true, message: t('field.report.content') }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} data-testid="field-report-content" />
          </Form.Item>
          <Form.Item label={t('field.report.where')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Button icon={<AimOutlined />} block size="large" loading={locating} onClick={locate} data-testid="field-report-locate">{t('field.location.use')}</Button>
              {point && <Typography.Text data-testid="field-report-point">{t('field.location.here', { lng: point.lng.toFixed(5), lat: point.lat.toFixed(5) })}</Typography.Text>}
            </Space>
          </Form.Item>
          <Form.Item name="address" label={t('call.address')}>
            <Input data-testid="field-report-address" placeholder={t('call.address.placeholder')} />
          </Form.Item>
          <CameraInput label={t('case.photos')} files={photos} onChange={setPhotos} testId="field-report-camera" />
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
          <Button type="primary" htmlType="submit" size="large" block icon={<SendOutlined />} loading={busy} data-testid="field-report-submit">{t('common.submit')}</Button>
        </Form>
      </Card>
    </section>
  );
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
