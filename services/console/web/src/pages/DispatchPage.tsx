// 人工派单: cases the router could not place (manual queue) and cases returned by a unit (退单), each with the
// grid service's routing suggestion for its point or address.
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Drawer, Row, Table, Tag, Typography } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useCaseUpdates, usePolling } from '../api/live';
import { useI18n } from '../i18n';
import { CaseLink, StageTag, useCategoryLabel } from '../components/common';
import { CommandModal } from '../components/CommandModal';
import { useAsync } from '../lib/use-async';
import type { WorkItem } from './WorklistPage';

interface QueuedCase {
  caseNumber: string;
  content: string;
  address?: string;
  location?: { lng: number; lat: number };
  categoryCode?: string;
  requestType: string;
  /** why it waits: no-location, outside-every-grid, address-unknown, or returned (退单) */
  manualQueueReason?: string;
  registeredAt: string;
}

export function DispatchPage() {
  const { t, fmtTime } = useI18n();
  const categoryLabel = useCategoryLabel();
  const queue = useAsync(() => api<{ total: number; cases: QueuedCase[] }>('intake/dispatch/queue'), []);
  const returnedAll = useAsync(() => api<{ items: WorkItem[] }>('casework/worklist', { query: { view: 'open' } }).then((r) => (r.items ?? []).filter((i) => i.stage === 'returned' || i.stage === 'awaiting-dispatch')), []);
  // intake's queue lists returned cases too (from the case events); show here only those it does not have yet
  const inQueue = new Set((queue.data?.cases ?? []).map((c) => c.caseNumber));
  const returned = { ...returnedAll, data: returnedAll.data?.filter((i) => !inQueue.has(i.caseNumber)) };
  const [target, setTarget] = useState<{ caseNumber: string; command: 'dispatch' | 'redispatch'; place: { point?: { lng: number; lat: number }; address?: string }; info?: QueuedCase } | null>(null);
  const [detail, setDetail] = useState<QueuedCase | null>(null);
  const reload = () => {
    queue.reload();
    returnedAll.reload();
  };
  const refresh = () => {
    queue.refresh();
    returnedAll.refresh();
  };
  useCaseUpdates(refresh);
  usePolling(refresh, 20_000);
  const openReturned = async (item: WorkItem) => {
    const info = await api<QueuedCase>(`intake/cases/${encodeURIComponent(item.caseNumber)}`).catch(() => undefined);
    setTarget({ caseNumber: item.caseNumber, command: 'redispatch', place: info?.location ? { point: info.location } : info?.address ? { address: info.address } : {}, info });
  };
  return (
    <Row gutter={12}>
      <Col xs={24} xxl={14}>
        <Card size="small" title={`${t('dispatch.queue')} (${queue.data?.total ?? 0})`} extra={<Button icon={<ReloadOutlined />} onClick={reload} loading={queue.loading}>{t('common.refresh')}</Button>}>
          {queue.error && <Alert type="error" showIcon title={queue.error.message} />}
          <Table<QueuedCase> size="small" rowKey="caseNumber" tableLayout="fixed" data-testid="dispatch-queue" dataSource={queue.data?.cases ?? []} pagination={{ pageSize: 12 }}
            onRow={(row) => ({ 'data-testid': 'dispatch-row', 'data-case': row.caseNumber } as React.HTMLAttributes<HTMLTableRowElement>)}
            columns={[
              { title: t('call.caseNumber'), dataIndex: 'caseNumber', width: 150, render: (n: string) => <CaseLink caseNumber={n} /> },
              { title: t('dispatch.registeredAt'), dataIndex: 'registeredAt', width: 140, render: (d: string) => fmtTime(d) },
              { title: t('case.content'), dataIndex: 'content', ellipsis: { showTitle: false }, render: (c: string, row) => <Typography.Link ellipsis onClick={() => setDetail(row)} title={c}>{c}</Typography.Link> },
              { title: t('case.address'), dataIndex: 'address', width: 180, ellipsis: true, render: (a?: string) => a ?? '—' },
              { title: t('dispatch.reason'), dataIndex: 'manualQueueReason', width: 140, render: (r?: string) => (r ? <Tag color="orange">{t(`routing.reason.${r}`)}</Tag> : '—') },
              {
                title: '', key: 'act', width: 90,
                render: (_, row) => (
                  <Button size="small" type="primary" icon={<SendOutlined />} data-testid={`dispatch-${row.caseNumber}`}
                    onClick={() => setTarget({ caseNumber: row.caseNumber, command: row.manualQueueReason === 'returned' ? 'redispatch' : 'dispatch', place: row.location ? { point: row.location } : row.address ? { address: row.address } : {}, info: row })}>
                    {t('dispatch.do')}
                  </Button>
                ),
              },
            ]} />
        </Card>
      </Col>
      <Col xs={24} xxl={10}>
        <Card size="small" title={`${t('dispatch.returned')} (${returned.data?.length ?? 0})`}>
          <Table<WorkItem> size="small" rowKey="caseNumber" data-testid="dispatch-returned" dataSource={returned.data ?? []} pagination={{ pageSize: 12 }}
            columns={[
              { title: t('call.caseNumber'), dataIndex: 'caseNumber', render: (n: string) => <CaseLink caseNumber={n} /> },
              { title: t('case.stage'), dataIndex: 'stage', render: (s: string) => <StageTag stage={s} /> },
              { title: t('case.category'), dataIndex: 'categoryCode', ellipsis: true, render: (c: string | null) => categoryLabel(c) },
              { title: '', key: 'act', width: 100, render: (_, row) => <Button size="small" onClick={() => void openReturned(row)}>{row.stage === 'returned' ? t('dispatch.redo') : t('dispatch.do')}</Button> },
            ]} />
        </Card>
      </Col>
      <Drawer open={!!detail} onClose={() => setDetail(null)} title={detail?.caseNumber} size="large">
        {detail && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('case.content')}>{detail.content}</Descriptions.Item>
            <Descriptions.Item label={t('case.category')}>{categoryLabel(detail.categoryCode)}</Descriptions.Item>
            <Descriptions.Item label={t('case.address')}>{detail.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('dispatch.reason')}>{detail.manualQueueReason ? t(`routing.reason.${detail.manualQueueReason}`) : '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
      {target && (
        <CommandModal command={target.command} context={{ caseNumber: target.caseNumber, summonses: [], place: target.place }} onClose={() => setTarget(null)} onDone={() => { setTarget(null); reload(); }} />
      )}
    </Row>
  );
}
