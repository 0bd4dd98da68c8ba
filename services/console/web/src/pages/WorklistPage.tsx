// 待办: the cases a user works — their unit's, or for a grid worker (网格员) their grid's — with what each is about,
// where, its clock and who holds it; sorted and filtered by any of these, several accepted (签收) at once, refreshed
// by the live stream the moment casework's lists show a change (and every 15 s without it). Grid workers also see
// the patrol reports they filed.
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Input, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useCaseUpdates, usePolling } from '../api/live';
import { useUser } from '../api/session';
import { useI18n } from '../i18n';
import { CaseLink, SlaBadge, StageTag, useCategoryLabel, useOrg } from '../components/common';
import { sendCommand } from '../components/CommandModal';
import { readSla, type SlaLike } from '../lib/sla';
import { useAsync } from '../lib/use-async';
import { PatrolReports } from '../components/PatrolReports';

export interface WorkItem {
  caseNumber: string;
  stage: string;
  level: string | null;
  currentUnit: string | null;
  streetId: string | null;
  communityId: string | null;
  gridId?: string | null;
  summary?: string | null;
  address?: string | null;
  location?: { lng: number; lat: number } | null;
  categoryCode: string | null;
  priority: string | null;
  breached: boolean;
  sla: SlaLike | null;
  deadline: string | null;
  pendingDepartments: string[];
  updatedAt: string;
}

type View = 'open' | 'breached' | 'awaiting-callback';

/** Roles that accept (签收) what is dispatched to their unit: the batch action is theirs. */
const ACCEPTING_ROLES = new Set(['community-handler', 'grid-worker', 'street-coordinator', 'mediator']);

const byText = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').localeCompare(b ?? '', 'zh-CN');
const byDeadline = (a: WorkItem, b: WorkItem) => (a.deadline ? Date.parse(a.deadline) : Infinity) - (b.deadline ? Date.parse(b.deadline) : Infinity);

export function WorklistPage() {
  const { t, fmtTime } = useI18n();
  const user = useUser();
  const org = useOrg();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const categoryLabel = useCategoryLabel();
  const [view, setView] = useState<View>('open');
  const [flash, setFlash] = useState<string>();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [accepting, setAccepting] = useState(false);
  const list = useAsync(() => api<{ items: WorkItem[] }>('casework/worklist', { query: { view } }), [view]);
  useCaseUpdates((u) => {
    setFlash(u.caseNumber);
    list.refresh();
  });
  usePolling(list.refresh, 15_000);
  const needle = filter.trim().toLowerCase();
  const items = useMemo(
    () => (list.data?.items ?? []).filter((i) => !needle || [i.caseNumber, i.summary, i.address, categoryLabel(i.categoryCode), org.name(i.currentUnit)].some((v) => (v ?? '').toLowerCase().includes(needle))),
    // categoryLabel and org.name read data that only changes with these
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [list.data, needle, org.tree],
  );
  const canAccept = ACCEPTING_ROLES.has(user.role) && view === 'open';
  const acceptable = new Set(items.filter((i) => i.stage === 'dispatched').map((i) => i.caseNumber));

  /** 批量签收: each case accepted on its own (the workflow decides each); the result said once for all. */
  const acceptSelected = async () => {
    const numbers = selected.filter((n) => acceptable.has(n));
    setAccepting(true);
    const results = await Promise.allSettled(numbers.map((n) => sendCommand(n, 'accept', {})));
    setAccepting(false);
    const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [`${numbers[i]}: ${(r.reason as Error).message}`] : []));
    const done = numbers.length - refused.length;
    if (refused.length === 0) void message.success(t('worklist.accepted', { n: done }));
    else void message.warning(`${t('worklist.accepted', { n: done })}; ${t('worklist.notAccepted', { n: refused.length })} — ${refused.join('; ')}`, 8);
    setSelected([]);
    list.reload();
  };

  const unitFilters = [...new Set(items.map((i) => i.currentUnit).filter((u): u is string => !!u))].map((u) => ({ text: org.name(u), value: u }));
  const stageFilters = [...new Set(items.map((i) => i.stage))].map((s) => ({ text: t(`stage.${s}`), value: s }));
  const columns: ColumnsType<WorkItem> = [
    { title: t('worklist.sla'), key: 'sla', width: 200, sorter: byDeadline, defaultSortOrder: 'ascend', render: (_, row) => <SlaBadge sla={row.sla} /> },
    { title: t('call.caseNumber'), dataIndex: 'caseNumber', width: 150, sorter: (a, b) => byText(a.caseNumber, b.caseNumber), render: (n: string) => <CaseLink caseNumber={n} /> },
    {
      title: t('worklist.summary'), dataIndex: 'summary', sorter: (a, b) => byText(a.summary, b.summary), ellipsis: { showTitle: false },
      render: (s: string | null, row) => (
        <Typography.Text ellipsis={{ tooltip: s }} data-testid="worklist-summary">
          {s ?? categoryLabel(row.categoryCode)}
        </Typography.Text>
      ),
    },
    {
      title: t('worklist.address'), dataIndex: 'address', width: 190, sorter: (a, b) => byText(a.address, b.address), ellipsis: { showTitle: false },
      render: (a: string | null, row) => <Typography.Text ellipsis={{ tooltip: a }}>{a ?? (row.location ? `${row.location.lng.toFixed(4)}, ${row.location.lat.toFixed(4)}` : '—')}</Typography.Text>,
    },
    { title: t('case.category'), dataIndex: 'categoryCode', width: 150, ellipsis: true, sorter: (a, b) => byText(a.categoryCode, b.categoryCode), render: (c: string | null) => categoryLabel(c) },
    { title: t('case.stage'), dataIndex: 'stage', width: 110, filters: stageFilters, onFilter: (v, row) => row.stage === v, render: (s: string) => <StageTag stage={s} /> },
    {
      title: t('worklist.unit'), dataIndex: 'currentUnit', width: 150, ellipsis: true, filters: unitFilters, onFilter: (v, row) => row.currentUnit === v,
      sorter: (a, b) => byText(org.name(a.currentUnit), org.name(b.currentUnit)),
      render: (u: string | null, row) => (
        <span>
          {org.name(u)}
          {row.pendingDepartments?.length ? <Tag style={{ marginInlineStart: 4 }}>{row.pendingDepartments.map((id) => org.name(id)).join('、')}</Tag> : null}
        </span>
      ),
    },
    { title: t('worklist.deadline'), dataIndex: 'deadline', width: 140, sorter: byDeadline, render: (d: string | null) => fmtTime(d) },
  ];

  const worklist = (
    <>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 8 }} />}
      {flash && <Alert type="info" showIcon closable title={t('worklist.updated', { n: flash })} onClose={() => setFlash(undefined)} style={{ marginBottom: 8 }} role="status" />}
      {canAccept && (
        <Space style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<CheckOutlined />} disabled={!selected.some((n) => acceptable.has(n))} loading={accepting} onClick={() => void acceptSelected()} data-testid="worklist-accept-selected">
            {t('worklist.acceptSelected', { n: selected.filter((n) => acceptable.has(n)).length })}
          </Button>
          <Typography.Text type="secondary">{t('worklist.acceptHint')}</Typography.Text>
        </Space>
      )}
      <Table<WorkItem>
        data-testid="worklist-table"
        rowKey="caseNumber"
        size="small"
        dataSource={items}
        loading={list.loading && !list.data}
        locale={{ emptyText: t('worklist.empty') }}
        pagination={{ pageSize: 12, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        showSorterTooltip={false}
        tableLayout="fixed"
        rowSelection={canAccept ? {
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (row) => ({ disabled: row.stage !== 'dispatched', 'aria-label': `${t('cmd.accept')} ${row.caseNumber}` }),
          columnWidth: 40,
        } : undefined}
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
        columns={columns}
      />
    </>
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
        <Space wrap>
          <Input allowClear prefix={<SearchOutlined />} data-testid="worklist-filter" aria-label={t('worklist.filter')} placeholder={t('worklist.filter')} style={{ width: 240 }}
            value={filter} onChange={(e) => setFilter(e.target.value)} />
          <Segmented
            data-testid="worklist-view"
            aria-label={t('worklist.title')}
            value={view}
            onChange={(v) => {
              setSelected([]);
              setView(v as View);
            }}
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
      {user.role === 'grid-worker' ? (
        <Tabs items={[
          { key: 'cases', label: t('worklist.gridCases'), children: worklist },
          { key: 'patrol', label: t('field.myReports'), children: <PatrolReports /> },
        ]} />
      ) : worklist}
    </Card>
  );
}
