// 月度考核报告: the months generated (by the schedule on the first working day of the next month, or on demand),
// each downloadable as PDF and Excel; a supervisor or administrator generates an ended month on demand. The
// supervisors' inbox notice links here with ?month=, which marks that month's row.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { api, ApiError, download } from '../api/client';
import { useI18n } from '../i18n';
import { chinaDay } from '../lib/china-time';
import { lastMonth } from '../lib/reports';
import { useAsync } from '../lib/use-async';

interface ReportListed {
  month: string;
  generatedAt: string;
  policyVersion: number;
}
interface Generated extends ReportListed {
  created: boolean;
}
type FieldProblem = { field: string; reason: string };

export function MonthlyReportPage() {
  const { t, fmtTime } = useI18n();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const marked = params.get('month');
  const list = useAsync(() => api<{ reports: ReportListed[] }>('casework/statistics/reports/monthly'), []);
  const [month, setMonth] = useState(() => marked ?? lastMonth(chinaDay(Date.now())));
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const generated = await api<Generated>('casework/statistics/reports/monthly', { method: 'POST', body: { month } });
      message.success(t(generated.created ? 'report.generated' : 'report.existing', { month: generated.month }), 6);
      list.reload();
    } catch (e) {
      const errors = e instanceof ApiError ? ((e.body as { errors?: FieldProblem[] } | null)?.errors ?? []) : [];
      setProblem(errors.find((p) => p.field === 'month')?.reason ?? (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const fetchFile = (m: string, format: 'pdf' | 'xlsx') =>
    void download(`casework/statistics/reports/monthly/${m}`, { format }, `monthly-report-${m}.${format}`).catch((e: Error) => message.error(e.message, 8));
  return (
    <Card size="small" title={<Space><FileTextOutlined />{t('report.title')}</Space>} data-testid="reports-page">
      <Typography.Paragraph type="secondary">{t('report.hint')}</Typography.Paragraph>
      <Form layout="inline" onFinish={() => void generate()} style={{ marginBottom: 12 }}>
        <Form.Item label={t('report.generate.month')} validateStatus={problem ? 'error' : undefined} help={problem} htmlFor="report-month">
          <Input id="report-month" value={month} onChange={(e) => setMonth(e.target.value.trim())} placeholder="YYYY-MM" style={{ width: 120 }} data-testid="report-month" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="report-generate">{t('report.generate')}</Button>
      </Form>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<ReportListed>
        size="small"
        rowKey="month"
        pagination={false}
        data-testid="report-list"
        loading={list.loading && !list.data}
        locale={{ emptyText: t('report.empty') }}
        dataSource={list.data?.reports ?? []}
        rowClassName={(r) => (r.month === marked ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ 'data-month': r.month }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('report.month'), dataIndex: 'month', width: 100 },
          { title: t('report.generatedAt'), dataIndex: 'generatedAt', render: (v: string) => fmtTime(v) },
          { title: t('report.policyVersion'), dataIndex: 'policyVersion', render: (v: number) => t('report.policyVersion.value', { v }) },
          {
            title: t('report.download'),
            key: 'download',
            render: (_, r) => (
              <Space>
                <Button size="small" icon={<FilePdfOutlined />} onClick={() => fetchFile(r.month, 'pdf')} data-testid={`report-pdf-${r.month}`} aria-label={`${r.month} ${t('report.pdf')}`}>{t('report.pdf')}</Button>
                <Button size="small" icon={<FileExcelOutlined />} onClick={() => fetchFile(r.month, 'xlsx')} data-testid={`report-xlsx-${r.month}`} aria-label={`${r.month} ${t('report.xlsx')}`}>{t('report.xlsx')}</Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
