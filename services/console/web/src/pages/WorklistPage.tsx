// 待办: the unit's cases ordered by deadline, green / yellow / red badges with live countdowns, refreshed on
// every case update of the stream (and every 15 s without it).
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useCaseUpdates, usePolling } from '../api/live';
import { useUser } from '../api/session';
import { useI18n } from '../i18n';
import { CaseLink, SlaBadge, StageTag, useCategoryLabel, useOrg } from '../components/common';
import { readSla, type SlaLike } from '../lib/sla';
import { useAsync } from '../lib/use-async';

export interface WorkItem {
  caseNumber: string;
  stage: string;
  level: string | null;
  currentUnit: string | null;
  streetId: string | null;
  communityId: string | null;
  categoryCode: string | null;
  priority: string | null;
  breached: boolean;
  sla: SlaLike | null;
  deadline: string | null;
  pendingDepartments: string[];
  updatedAt: string;
}

type View = 'open' | 'breached' | 'awaiting-callback';

export function WorklistPage() {
  const { t, fmtTime } = useI18n();
  const user = useUser();
  const org = useOrg();
  const navigate = useNavigate();
  const categoryLabel = useCategoryLabel();
  const [view, setView] = useState<View>('open');
  const [flash, setFlash] = useState<string>();
  const [filter, setFilter] = useState('');
  const list = useAsync(() => api<{ items: WorkItem[] }>('casework/worklist', { query: { view } }), [view]);
  useCaseUpdates((u) => {
    setFlash(u.caseNumber);
    list.reload();
  });
  usePolling(list.reload, 15_000);
  const needle = filter.trim().toLowerCase();
  const items = (list.data?.items ?? []).filter(
    (i) => !needle || i.caseNumber.includes(needle) || categoryLabel(i.categoryCode).toLowerCase().includes(needle) || org.name(i.currentUnit).includes(needle),
  );
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{t('worklist.title')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {org.name(user.unitId)}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Input allowClear prefix={<SearchOutlined />} data-testid="worklist-filter" aria-label={t('worklist.filter')} placeholder={t('worklist.filter')} style={{ width: 220 }}
            value={filter} onChange={(e) => setFilter(e.target.value)} />
          <Segmented
            data-testid="worklist-view"
            aria-label={t('worklist.title')}
            value={view}
            onChange={(v) => setView(v as View)}
            options={[
              { value: 'open', label: t('worklist.open') },
              { value: 'breached', label: t('worklist.breached') },
              { value: 'awaiting-callback', label: t('worklist.awaitingCallback') },
            ]}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload} loading={list.loading} data-testid="worklist-refresh">
            {t('common.refresh')}
          </Button>
        </Space>
      }
    >
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 8 }} />}
      {flash && <Alert type="info" showIcon closable title={t('worklist.updated', { n: flash })} onClose={() => setFlash(undefined)} style={{ marginBottom: 8 }} />}
      <Table<WorkItem>
        data-testid="worklist-table"
        rowKey="caseNumber"
        size="small"
        dataSource={items}
        loading={list.loading && !list.data}
        locale={{ emptyText: t('worklist.empty') }}
        pagination={{ pageSize: 12, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        onRow={(row) => ({
          'data-testid': 'worklist-row',
          'data-case': row.caseNumber,
          'data-stage': row.stage,
          'data-level': row.level ?? '',
          onDoubleClick: () => void navigate(`/cases/${encodeURIComponent(row.caseNumber)}`),
        } as React.HTMLAttributes<HTMLTableRowElement>)}
        rowClassName={(row) => {
          const c = readSla(row.sla, Date.now()).color;
          return c === 'red' ? 'row-breached' : c === 'yellow' ? 'row-warning' : '';
        }}
        columns={[
          { title: t('worklist.sla'), key: 'sla', width: 210, render: (_, row) => <SlaBadge sla={row.sla} /> },
          { title: t('call.caseNumber'), dataIndex: 'caseNumber', width: 150, render: (n: string) => <CaseLink caseNumber={n} /> },
          { title: t('case.stage'), dataIndex: 'stage', width: 110, render: (s: string) => <StageTag stage={s} /> },
          { title: t('case.level'), dataIndex: 'level', width: 90, render: (l: string | null) => (l ? <Tag>{t(`level.${l}`)}</Tag> : '—') },
          { title: t('case.category'), dataIndex: 'categoryCode', ellipsis: true, render: (c: string | null) => categoryLabel(c) },
          { title: t('case.priority'), dataIndex: 'priority', width: 80, render: (p: string | null) => (p ? <Tag color={p === 'urgent' ? 'red' : p === 'high' ? 'orange' : undefined}>{t(`urgency.${p}`)}</Tag> : '—') },
          { title: t('worklist.unit'), dataIndex: 'currentUnit', ellipsis: true, render: (u: string | null) => org.name(u) },
          {
            title: t('worklist.pendingDepartments'),
            dataIndex: 'pendingDepartments',
            ellipsis: true,
            render: (d: string[]) => (d?.length ? d.map((id) => <Tag key={id}>{org.name(id)}</Tag>) : '—'),
          },
          { title: t('worklist.deadline'), dataIndex: 'deadline', width: 140, render: (d: string | null) => fmtTime(d) },
        ]}
      />
    </Card>
  );
}
