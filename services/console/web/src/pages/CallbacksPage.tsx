// 回访: resolved cases waiting for the operator's call back, soonest due first; reached → satisfaction.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Radio, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { EyeOutlined, PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useCaseUpdates, usePolling } from '../api/live';
import { useI18n } from '../i18n';
import { CaseLink, useOrg } from '../components/common';
import { useAsync } from '../lib/use-async';

interface CallbackTask {
  callbackId: string;
  caseNumber: string;
  status: string;
  dueAt: string;
  overdue: boolean;
  resolvedAt: string;
  level: string;
  unitId: string;
  summary: string;
  callId?: string;
  callerMasked?: string;
  attemptCount: number;
  outcome?: { reached: boolean; satisfaction?: string; recordedAt: string };
}

export function CallbacksPage() {
  const { t, fmtTime } = useI18n();
  const org = useOrg();
  const { message } = App.useApp();
  const [status, setStatus] = useState<'pending' | 'recorded' | 'unreachable'>('pending');
  const [current, setCurrent] = useState<CallbackTask | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const list = useAsync(() => api<{ callbacks: CallbackTask[] }>('hotline/callbacks', { query: { status, limit: 200 } }), [status]);
  useCaseUpdates(() => list.refresh());
  usePolling(list.refresh, 15_000);
  const reveal = async (task: CallbackTask) => {
    if (!task.callId) return;
    try {
      const r = await api<{ callerNumber: string }>(`hotline/calls/${encodeURIComponent(task.callId)}/caller-number`, { query: { reason: '回访 callback' } });
      setRevealed((prev) => ({ ...prev, [task.callbackId]: r.callerNumber }));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card size="small" title={t('callbacks.title')}
      extra={
        <Space>
          <Segmented value={status} onChange={(v) => setStatus(v as typeof status)} data-testid="callbacks-status" aria-label={t('callbacks.title')}
            options={[{ value: 'pending', label: t('callbacks.pending') }, { value: 'recorded', label: t('callbacks.recorded') }, { value: 'unreachable', label: t('callbacks.unreachable') }]} />
          <Button icon={<ReloadOutlined />} onClick={list.reload} loading={list.loading} data-testid="callbacks-refresh">{t('common.refresh')}</Button>
        </Space>
      }>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 8 }} />}
      <Table<CallbackTask>
        size="small"
        rowKey="callbackId"
        data-testid="callbacks-table"
        dataSource={list.data?.callbacks ?? []}
        loading={list.loading && !list.data}
        pagination={{ pageSize: 12, showTotal: (n) => t('common.total', { n }) }}
        onRow={(row) => ({ 'data-testid': 'callback-row', 'data-case': row.caseNumber } as React.HTMLAttributes<HTMLTableRowElement>)}
        columns={[
          { title: t('call.caseNumber'), dataIndex: 'caseNumber', width: 150, render: (n: string) => <CaseLink caseNumber={n} /> },
          { title: t('callbacks.due'), dataIndex: 'dueAt', width: 150, render: (d: string, row) => <Space size={4}>{fmtTime(d)}{row.overdue && <Tag color="red">{t('callbacks.overdue')}</Tag>}</Space> },
          { title: t('callbacks.level'), key: 'level', width: 170, ellipsis: true, render: (_, row) => `${t(`level.${row.level}`)} · ${org.name(row.unitId)}` },
          { title: t('callbacks.summary'), dataIndex: 'summary', ellipsis: true },
          {
            title: t('callbacks.caller'), key: 'caller', width: 170,
            render: (_, row) => (
              <Space size={4}>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{revealed[row.callbackId] ?? row.callerMasked ?? '—'}</span>
                {row.callId && !revealed[row.callbackId] && <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void reveal(row)} aria-label={t('callbacks.reveal')}>{t('callbacks.reveal')}</Button>}
              </Space>
            ),
          },
          { title: t('callbacks.attempts'), dataIndex: 'attemptCount', width: 70 },
          {
            title: '', key: 'act', width: 120,
            render: (_, row) =>
              row.status === 'pending' ? (
                <Button size="small" type="primary" icon={<PhoneOutlined />} onClick={() => setCurrent(row)} data-testid={`callback-record-${row.caseNumber}`}>{t('callbacks.record')}</Button>
              ) : row.outcome?.satisfaction ? <Tag color="green">{t(`satisfaction.${row.outcome.satisfaction}`)}</Tag> : <Tag>{t('callbacks.unreachable')}</Tag>,
          },
        ]}
      />
      {current && <RecordCallbackModal task={current} onClose={() => setCurrent(null)} onDone={() => { setCurrent(null); list.reload(); }} />}
    </Card>
  );
}

function RecordCallbackModal({ task, onClose, onDone }: { task: CallbackTask; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reached: boolean; satisfaction?: string; resolved?: boolean; comment?: string }>();
  const reached = Form.useWatch('reached', form) ?? true;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await api(`hotline/callbacks/${encodeURIComponent(task.callbackId)}/result`, {
        body: v.reached
          ? { reached: true, satisfaction: v.satisfaction, ...(v.resolved !== undefined ? { resolved: v.resolved } : {}), ...(v.comment ? { comment: v.comment } : {}) }
          : { reached: false, ...(v.comment ? { comment: v.comment } : {}) },
      });
      message.success(t('common.saved'));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t('callbacks.record')} · ${task.caseNumber}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy}
      okText={t('common.submit')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'callback-submit' }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{task.summary}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ reached: true, satisfaction: 'satisfied', resolved: true }} name="callback">
        <Form.Item name="reached" label={t('callbacks.reached')} valuePropName="checked">
          <Switch data-testid="callback-reached" />
        </Form.Item>
        {reached && (
          <>
            <Form.Item name="satisfaction" label={t('callbacks.satisfaction')} rules={[{ required: true }]}>
              <Radio.Group data-testid="callback-satisfaction" optionType="button" buttonStyle="solid"
                options={(['satisfied', 'basically-satisfied', 'unsatisfied'] as const).map((s) => ({ value: s, label: t(`satisfaction.${s}`), 'data-testid': `callback-satisfaction-${s}` }))} />
            </Form.Item>
            <Form.Item name="resolved" valuePropName="checked">
              <Checkbox>{t('callbacks.resolvedByCitizen')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="comment" label={t('callbacks.comment')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
