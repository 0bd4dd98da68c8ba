// 我的巡查上报: the grid worker's own patrol reports, newest first, each with the case it became or joined.
import { List, Space, Tag, Typography } from 'antd';
import { api } from '../api/client';
import { useCaseUpdates } from '../api/live';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/use-async';
import { CaseLink, useCategoryLabel } from './common';

export interface PatrolReportEntry {
  reportId: string;
  caseNumber: string;
  merged: boolean;
  content: string;
  categoryCode?: string;
  address?: string;
  location?: { lng: number; lat: number };
  photos: number;
  receivedAt: string;
}

export function usePatrolReports() {
  const list = useAsync(() => api<{ reports: PatrolReportEntry[] }>('intake/reports/patrol/mine').then((r) => r.reports), []);
  useCaseUpdates(() => list.refresh());
  return list;
}

export function PatrolReports({ compact }: { compact?: boolean }) {
  const { t, fmtTime } = useI18n();
  const categoryLabel = useCategoryLabel();
  const list = usePatrolReports();
  return (
    <List
      data-testid="patrol-reports"
      size="small"
      loading={list.loading && !list.data}
      dataSource={list.data ?? []}
      locale={{ emptyText: t('field.noReports') }}
      renderItem={(r) => (
        <List.Item data-testid="patrol-report" data-case={r.caseNumber}>
          <Space direction="vertical" size={0} style={{ minWidth: 0, width: '100%' }}>
            <Space size={4} wrap>
              <CaseLink caseNumber={r.caseNumber} />
              {r.merged && <Tag color="purple">{t('stage.merged')}</Tag>}
              {r.categoryCode && <Tag>{categoryLabel(r.categoryCode)}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtTime(r.receivedAt)}</Typography.Text>
            </Space>
            <Typography.Text ellipsis={compact ? { tooltip: r.content } : false}>{r.content}</Typography.Text>
            {r.address && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.address}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}
