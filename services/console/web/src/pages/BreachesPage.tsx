// 超时督办看板: open cases whose window has run out, most overdue first; a supervisor issues 督办 from here.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useCaseUpdates, usePolling } from '../api/live';
import { useUser } from '../api/session';
import { useI18n } from '../i18n';
import { CaseLink, StageTag, useCategoryLabel, useOrg } from '../components/common';
import { sayRefusal, sendCommand } from '../components/CommandModal';
import { useAsync } from '../lib/use-async';
import { formatCountdown } from '../lib/sla';

interface BreachRow {
  caseNumber: string;
  stage: string;
  level: string | null;
  currentUnit: string | null;
  unitName: string | null;
  categoryCode: string | null;
  categoryName: string | null;
  priority: string | null;
  window: string | null;
  deadline: string | null;
  overdueMinutes: number | null;
  pendingDepartments: string[];
}

export function BreachesPage() {
  const { t, fmtTime, locale } = useI18n();
  const user = useUser();
  const org = useOrg();
  const categoryLabel = useCategoryLabel();
  const { message } = App.useApp();
  const board = useAsync(() => api<{ asOf: string; total: number; items: BreachRow[] }>('casework/statistics/breaches'), []);
  useCaseUpdates(() => board.refresh());
  usePolling(board.refresh, 30_000);
  const [noticeFor, setNoticeFor] = useState<string | null>(null);
  const [form] = Form.useForm<{ notice: string }>();
  const issue = async () => {
    const { notice } = await form.validateFields();
    try {
      await sendCommand(noticeFor!, 'issueSupervisionNotice', { notice });
      message.success(t('common.done'));
      setNoticeFor(null);
      form.resetFields();
      board.reload();
    } catch (e) {
      if (sayRefusal(e, (text) => void message.warning(text, 6), t)) {
        setNoticeFor(null);
        board.reload();
      } else message.error((e as Error).message, 6);
    }
  };
  return (
    <Card size="small" title={`${t('sup.breaches')} (${board.data?.total ?? 0})`}
      extra={<Space><Typography.Text type="secondary">{fmtTime(board.data?.asOf)}</Typography.Text><Button icon={<ReloadOutlined />} onClick={board.reload} loading={board.loading}>{t('common.refresh')}</Button></Space>}>
      {board.error && <Alert type="error" showIcon title={board.error.message} />}
      <Table<BreachRow>
        size="small"
        rowKey="caseNumber"
        data-testid="breach-board"
        dataSource={board.data?.items ?? []}
        pagination={{ pageSize: 15, showTotal: (n) => t('common.total', { n }) }}
        rowClassName={() => 'row-breached'}
        onRow={(row) => ({ 'data-testid': 'breach-row', 'data-case': row.caseNumber } as React.HTMLAttributes<HTMLTableRowElement>)}
        columns={[
          { title: t('sup.overdueBy'), dataIndex: 'overdueMinutes', width: 130, render: (m: number | null) => (m === null ? '—' : <Tag color="red">{formatCountdown(-m * 60_000, locale)}</Tag>) },
          { title: t('call.caseNumber'), dataIndex: 'caseNumber', width: 150, render: (n: string) => <CaseLink caseNumber={n} /> },
          { title: t('case.clocks'), dataIndex: 'window', width: 130, render: (w: string | null) => (w ? t(`window.${w}`) : '—') },
          { title: t('case.stage'), dataIndex: 'stage', width: 110, render: (s: string) => <StageTag stage={s} /> },
          { title: t('case.currentUnit'), key: 'unit', ellipsis: true, render: (_, r) => r.unitName ?? org.name(r.currentUnit) },
          { title: t('case.category'), dataIndex: 'categoryCode', ellipsis: true, render: (c: string | null) => categoryLabel(c) },
          { title: t('worklist.pendingDepartments'), dataIndex: 'pendingDepartments', ellipsis: true, render: (d: string[]) => (d?.length ? d.map((id) => <Tag key={id}>{org.name(id)}</Tag>) : '—') },
          { title: t('worklist.deadline'), dataIndex: 'deadline', width: 140, render: (d: string | null) => fmtTime(d) },
          ...(user.role === 'supervisor'
            ? [{ title: '', key: 'act', width: 90, render: (_: unknown, r: BreachRow) => <Button size="small" danger onClick={() => setNoticeFor(r.caseNumber)} data-testid={`notice-${r.caseNumber}`}>{t('sup.notice')}</Button> }]
            : []),
        ]}
      />
      <Modal open={!!noticeFor} title={`${t('cmd.issueSupervisionNotice')} · ${noticeFor ?? ''}`} onCancel={() => setNoticeFor(null)} onOk={() => void issue()} okText={t('common.submit')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="notice" label={t('form.notice')} rules={[{ required: true, whitespace: true, message: t('form.notice') }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
