// The field worker's list: one card per case, most urgent first — what, where, its clock — tap to open.
import { Link } from 'react-router-dom';
import { Alert, Card, Empty, Space, Spin, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useCaseUpdates, usePolling } from '../api/live';
import { useI18n } from '../i18n';
import { SlaBadge, StageTag, useCategoryLabel } from '../components/common';
import { useAsync } from '../lib/use-async';
import type { WorkItem } from '../pages/WorklistPage';

export function FieldList() {
  const { t } = useI18n();
  const categoryLabel = useCategoryLabel();
  const list = useAsync(() => api<{ items: WorkItem[] }>('casework/worklist', { query: { view: 'open' } }).then((r) => r.items), []);
  useCaseUpdates(() => list.refresh());
  usePolling(list.refresh, 15_000);
  if (list.loading && !list.data) return <Spin style={{ display: 'block', margin: 32 }} />;
  return (
    <section aria-labelledby="field-list-title">
      <Typography.Title level={2} id="field-list-title" className="field-title">{t('field.list')} ({list.data?.length ?? 0})</Typography.Title>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {(list.data ?? []).length === 0 && !list.error && <Empty description={t('worklist.empty')} />}
      <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="field-list">
        {(list.data ?? []).map((c) => (
          <Link key={c.caseNumber} to={`/m/cases/${encodeURIComponent(c.caseNumber)}`} className="field-card-link" data-testid="field-case" data-case={c.caseNumber} data-stage={c.stage}>
            <Card size="small">
              <Space size={4} wrap style={{ marginBottom: 4 }}>
                <SlaBadge sla={c.sla} compact />
                <StageTag stage={c.stage} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.caseNumber}</Typography.Text>
              </Space>
              <div className="field-card-summary">{c.summary ?? categoryLabel(c.categoryCode)}</div>
              {c.address && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  <EnvironmentOutlined /> {c.address}
                </Typography.Text>
              )}
            </Card>
          </Link>
        ))}
      </Space>
    </section>
  );
}
