// A case in the field: what, where, its clock and the photos; 签收 with one tap; 办结 with what was done and photos
// from the camera — before the work and after it (整改前 / 整改后) — uploaded to the case, then the case resolved.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { api, ApiError, fetchBlobUrl, upload } from '../api/client';
import { useCaseUpdates } from '../api/live';
import { useUser } from '../api/session';
import { useI18n } from '../i18n';
import { SlaBadge, StageTag, useCategoryLabel, useOrg } from '../components/common';
import { sayRefusal, sendCommand } from '../components/CommandModal';
import { availableCommands } from '../lib/vocabulary';
import { useAsync } from '../lib/use-async';
import type { CaseStatus } from '../pages/CasePage';
import { CameraInput } from './CameraInput';

interface IntakeCase {
  caseNumber: string;
  content: string;
  address?: string;
  location?: { lng: number; lat: number };
  categoryCode?: string;
  photos: string[];
}
interface HandlingPhotos {
  before: { photoId: string }[];
  after: { photoId: string }[];
}

export function FieldCase() {
  const { caseNumber = '' } = useParams();
  const { t } = useI18n();
  const user = useUser();
  const org = useOrg();
  const { message } = App.useApp();
  const categoryLabel = useCategoryLabel();
  const n = encodeURIComponent(caseNumber);
  const data = useAsync(async () => {
    const [status, intake, photos] = await Promise.all([
      api<CaseStatus>(`casework/cases/${n}/status`),
      api<IntakeCase>(`intake/cases/${n}`).catch(() => null),
      api<HandlingPhotos>(`intake/cases/${n}/photos`).catch(() => ({ before: [], after: [] })),
    ]);
    return { status, intake, photos };
  }, [n]);
  useCaseUpdates(() => data.refresh(), caseNumber);
  const [resolving, setResolving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [before, setBefore] = useState<File[]>([]);
  const [after, setAfter] = useState<File[]>([]);
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<{ summary: string }>();

  if (data.loading && !data.data) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (data.error || !data.data) return <Alert type="error" showIcon title={data.error?.message ?? t('case.notFound')} />;
  const { status, intake, photos } = data.data;
  const actions = availableCommands(user, status);
  const clock = status.clocks.find((c) => c.key === 'case') ?? status.clocks[0] ?? null;

  const accept = async () => {
    setBusy(true);
    try {
      await sendCommand(caseNumber, 'accept', {});
      void message.success(t('case.commandDone', { cmd: t('cmd.accept') }));
    } catch (e) {
      if (!sayRefusal(e, (text) => void message.warning(text, 6), t)) setError((e as Error).message);
    } finally {
      setBusy(false);
      data.reload();
    }
  };

  /** 办结: the photos first (so the resolution's record has them), then the command. */
  const resolve = async () => {
    let values: { summary: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      for (const [stage, files] of [['before', before], ['after', after]] as const) {
        if (!files.length) continue;
        const body = new FormData();
        for (const file of files) body.append('photos', file, file.name);
        await upload(`intake/cases/${n}/photos`, body, { stage });
      }
      await sendCommand(caseNumber, 'resolve', { summary: values.summary.trim() });
      void message.success(t('case.commandDone', { cmd: t('cmd.resolve') }));
      setResolving(false);
      setBefore([]);
      setAfter([]);
      form.resetFields();
    } catch (e) {
      if (sayRefusal(e, (text) => void message.warning(text, 6), t)) setResolving(false);
      else setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      data.reload();
    }
  };

  return (
    <article data-testid="field-case-page" data-case={caseNumber} data-stage={status.stage}>
      <Link to="/m" className="field-back"><ArrowLeftOutlined /> {t('field.back')}</Link>
      <Typography.Title level={2} className="field-title">{t('case.title', { n: caseNumber })}</Typography.Title>
      <Space size={4} wrap style={{ marginBottom: 8 }}>
        <StageTag stage={status.stage} />
        {clock && <SlaBadge sla={clock} testId="field-sla" />}
      </Space>
      <Card size="small" style={{ marginBottom: 8 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }} data-testid="field-content">{intake?.content ?? categoryLabel(status.categoryCode)}</Typography.Paragraph>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('case.category')}>{categoryLabel(intake?.categoryCode ?? status.categoryCode)}</Descriptions.Item>
          <Descriptions.Item label={t('case.address')}>{intake?.address ?? (intake?.location ? `${intake.location.lng.toFixed(5)}, ${intake.location.lat.toFixed(5)}` : '—')}</Descriptions.Item>
          <Descriptions.Item label={t('case.currentUnit')}>{org.name(status.currentUnit)}</Descriptions.Item>
        </Descriptions>
        <PhotoStrip label={t('case.photos')} ids={intake?.photos ?? []} />
        <PhotoStrip label={t('field.photos.before')} ids={photos.before.map((p) => p.photoId)} testId="field-photos-before" />
        <PhotoStrip label={t('field.photos.after')} ids={photos.after.map((p) => p.photoId)} testId="field-photos-after" />
      </Card>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {actions.includes('accept') && (
          <Button type="primary" size="large" block icon={<CheckOutlined />} loading={busy} onClick={() => void accept()} data-testid="field-accept">{t('cmd.accept')}</Button>
        )}
        {actions.includes('resolve') && !resolving && (
          <Button type="primary" size="large" block onClick={() => setResolving(true)} data-testid="field-resolve">{t('cmd.resolve')}</Button>
        )}
        {actions.length === 0 && <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>}
      </Space>
      {resolving && (
        <Card size="small" title={t('cmd.resolve')} style={{ marginTop: 8 }}>
          <Form form={form} layout="vertical" onFinish={() => void resolve()}>
            <Form.Item name="summary" label={t('form.summary')} rules={[{ required: true, whitespace: true, message: t('form.summary') }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} data-testid="field-summary" />
            </Form.Item>
            <CameraInput label={t('field.photos.before')} files={before} onChange={setBefore} testId="field-camera-before" />
            <CameraInput label={t('field.photos.after')} files={after} onChange={setAfter} testId="field-camera-after" />
            <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
              <Button size="large" onClick={() => setResolving(false)}>{t('common.cancel')}</Button>
              <Button size="large" type="primary" htmlType="submit" loading={busy} data-testid="field-resolve-submit">{t('common.submit')}</Button>
            </Space>
          </Form>
        </Card>
      )}
    </article>
  );
}

function PhotoStrip({ label, ids, testId }: { label: string; ids: string[]; testId?: string }) {
  const [urls, setUrls] = useState<string[]>([]);
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return setUrls([]);
    let live = true;
    const made: string[] = [];
    void Promise.all(key.split(',').map((id) => fetchBlobUrl(`intake/photos/${id}`).then((u) => made.push(u)).catch(() => undefined))).then(() => live && setUrls([...made]));
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [key]);
  if (!ids.length) return null;
  return (
    <div data-testid={testId} data-count={ids.length} style={{ marginTop: 8 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label} ({ids.length})</Typography.Text>
      <div className="field-photos">
        {urls.map((u, i) => <img key={u} src={u} alt={`${label} ${i + 1}`} />)}
      </div>
    </div>
  );
}
