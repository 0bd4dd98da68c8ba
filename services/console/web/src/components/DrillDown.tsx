// 下钻: the cases behind a figure, paged on the server (casework statistics/cases), each opening its case page
// with the full timeline; exportable as CSV / Excel.
import { useState } from 'react';
import { App, Button, Drawer, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, download } from '../api/client';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/use-async';
import { CaseLink, StageTag, useCategoryLabel } from './common';

export interface DrillTarget {
  from: string;
  to: string;
  groupBy?: string;
  key?: string;
  name: string;
  metric: string;
}

interface FactView {
  caseNumber: string;
  registeredAt: string | null;
  categoryCode: string | null;
  streetName: string | null;
  communityName: string | null;
  stage: string;
  level: string | null;
  currentUnitName: string | null;
  resolvedAt: string | null;
  resolvedOnTime: boolean;
  everBreached: boolean;
  satisfaction: string | null;
}

export function DrillDown({ target, onClose }: { target: DrillTarget | null; onClose(): void }) {
  const { t, fmtTime } = useI18n();
  const { message } = App.useApp();
  const categoryLabel = useCategoryLabel();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = target ? { from: target.from, to: target.to, groupBy: target.groupBy, key: target.key, metric: target.metric } : undefined;
  const data = useAsync(
    () => (query ? api<{ items: FactView[]; total: number }>('casework/statistics/cases', { query: { ...query, page, pageSize } }) : Promise.resolve({ items: [], total: 0 })),
    [JSON.stringify(query), page, pageSize],
  );
  const exportAs = (format: 'csv' | 'xlsx') =>
    query && download('export/cases', { ...query, format }, `cases.${format}`).catch((e: Error) => message.error(e.message));
  return (
    <Drawer
      open={!!target}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size={960}
      title={target ? `${t('sup.drill')} · ${t('sup.drill.title', { name: target.name, metric: t(`sup.metric.${target.metric}`) })}` : ''}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')} data-testid="drill-export-csv">{t('common.export.csv')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')} data-testid="drill-export-xlsx">{t('common.export.xlsx')}</Button>
        </Space>
      }
    >
      <Table<FactView>
        size="small"
        rowKey="caseNumber"
        data-testid="drill-table"
        loading={data.loading}
        dataSource={data.data?.items ?? []}
        onRow={(row) => ({ 'data-testid': 'drill-row', 'data-case': row.caseNumber } as React.HTMLAttributes<HTMLTableRowElement>)}
        pagination={{
          current: page,
          pageSize,
          total: data.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('call.caseNumber'), dataIndex: 'caseNumber', width: 150, render: (n: string) => <CaseLink caseNumber={n} /> },
          { title: t('case.registeredAt'), dataIndex: 'registeredAt', width: 140, render: (d: string | null) => fmtTime(d) },
          { title: t('case.category'), dataIndex: 'categoryCode', ellipsis: true, render: (c: string | null) => categoryLabel(c) },
          { title: t('sup.unit'), key: 'unit', ellipsis: true, render: (_, r) => [r.streetName, r.communityName].filter(Boolean).join(' › ') || '—' },
          { title: t('case.stage'), dataIndex: 'stage', width: 110, render: (s: string) => <StageTag stage={s} /> },
          { title: t('case.currentUnit'), dataIndex: 'currentUnitName', ellipsis: true },
          {
            title: '', key: 'flags', width: 150,
            render: (_, r) => (
              <Space size={2} wrap>
                {r.everBreached && <Tag color="red">{t('sla.red')}</Tag>}
                {r.satisfaction && <Tag color={r.satisfaction === 'unsatisfied' ? 'red' : 'green'}>{t(`satisfaction.${r.satisfaction}`)}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
