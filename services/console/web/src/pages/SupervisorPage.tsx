// 三率督查: the three rates and the audit figures over a chosen period, by street / community / department /
// category; ranking with 红黑榜; trend; heat map; extension approvals; every figure drills down to its cases.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, List, Row, Segmented, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import ReactECharts from 'echarts-for-react';
import { api, download } from '../api/client';
import { type InboxItem, useCaseUpdates } from '../api/live';
import { useI18n } from '../i18n';
import { CaseLink, useOrg } from '../components/common';
import { DrillDown, type DrillTarget } from '../components/DrillDown';
import { CityMap } from '../components/map';
import { sendCommand } from '../components/CommandModal';
import { chinaPeriodInstants } from '../lib/china-time';
import { FIGURES, type Formulas, presetPeriod, type RateKey, type Rates, rateTone, TONE_COLOR } from '../lib/figures';
import { useAsync } from '../lib/use-async';

type GroupBy = 'district' | 'street' | 'community' | 'department' | 'category';
interface Summary {
  period: { from: string; to: string };
  /** the scoring policy version the period is scored under, with each figure's formula */
  policy?: { version: number; effectiveFrom: string; formulas: Formulas };
  total: Rates;
  groups: { key: string; name: string; rates: Rates }[];
}
interface Ranked {
  rank: number;
  key: string;
  name: string;
  value: number | null;
  list: 'red' | 'black' | null;
  cases?: number;
}
interface HeatCell {
  gridId: string;
  name: string;
  lng: number | null;
  lat: number | null;
  count: number;
}
interface TrendPoint {
  bucket: string;
  cases: number;
  resolved: number;
  breached: number;
}

export function SupervisorPage() {
  const { t, fmtPercent, fmtNumber, locale } = useI18n();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const p = presetPeriod('30d', new Date());
    return [dayjs(p.from), dayjs(p.to)];
  });
  const [groupBy, setGroupBy] = useState<GroupBy>('street');
  const [metric, setMetric] = useState<RateKey>('resolutionRate');
  const [interval, setIntervalKind] = useState<'day' | 'week'>('day');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const pk = `${period.from}/${period.to}`;

  const summary = useAsync(() => api<Summary>('casework/statistics/summary', { query: { ...period, groupBy } }), [pk, groupBy]);
  const ranking = useAsync(
    () => (groupBy === 'category' ? Promise.resolve([] as Ranked[]) : api<Ranked[]>('casework/statistics/ranking', { query: { ...period, groupBy, metric } })),
    [pk, groupBy, metric],
  );
  const trend = useAsync(() => api<TrendPoint[]>('casework/statistics/trend', { query: { ...period, interval } }), [pk, interval]);
  const heat = useAsync(() => api<HeatCell[]>('casework/statistics/heatmap', { query: period }), [pk]);
  // mediation counts instants: the period's China days from the first's start to the day after the last (with the offset)
  const disputes = useAsync(() => api<Record<string, unknown>>('mediation/mediation/figures', { query: { ...chinaPeriodInstants(period), groupBy: 'none' } }).catch(() => null), [pk]);
  const heatData = useMemo(() => heatPoints(heat.data), [heat.data]);
  const reloadAll = () => {
    summary.reload();
    ranking.reload();
    trend.reload();
    heat.reload();
  };
  useCaseUpdates(() => summary.refresh());

  const total = summary.data?.total;
  const policy = summary.data?.policy;
  /** 'how is this computed': the figure's formula under the policy in force, and the counts it came from */
  const explain = (key: RateKey, rates: Rates | undefined, numerator?: keyof Rates, denominator?: keyof Rates) => {
    const formula = policy?.formulas[key];
    const counts = rates && numerator && denominator ? t('sup.ofN', { a: rates[numerator] as number, b: rates[denominator] as number }) : '';
    return [formula ? (locale === 'en' ? formula.en : formula.zh) : '', counts, policy ? t('sup.policy', { v: policy.version, from: policy.effectiveFrom }) : ''].filter(Boolean).join(' · ');
  };
  const disputeRate = useMemo(() => {
    const d = disputes.data as { resolutionRate?: number | null; total?: { resolutionRate?: number | null } } | null | undefined;
    return d?.resolutionRate ?? d?.total?.resolutionRate ?? null;
  }, [disputes.data]);
  const openDrill = (metricKey: string, key?: string, name?: string) =>
    setDrill({ ...period, metric: metricKey, ...(key ? { groupBy, key } : {}), name: name ?? t('sup.all') });
  const exportStats = (format: 'csv' | 'xlsx') =>
    download('export/statistics', { ...period, groupBy, format }, `statistics.${format}`).catch((e: Error) => message.error(e.message));

  return (
    <div data-testid="supervisor-page">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Typography.Text strong>{t('sup.period')}</Typography.Text>
          <DatePicker.RangePicker
            data-testid="sup-period"
            aria-label={t('sup.period')}
            allowClear={false}
            value={range}
            onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
            presets={[
              { label: '7d', value: [dayjs().subtract(6, 'day'), dayjs()] },
              { label: '30d', value: [dayjs().subtract(29, 'day'), dayjs()] },
              { label: dayjs().format('YYYY-MM'), value: [dayjs().startOf('month'), dayjs()] },
            ]}
          />
          <Typography.Text strong>{t('sup.groupBy')}</Typography.Text>
          <Segmented
            data-testid="sup-group-by"
            aria-label={t('sup.groupBy')}
            value={groupBy}
            onChange={(v) => setGroupBy(v)}
            options={(['district', 'street', 'community', 'department', 'category'] as const).map((g) => ({ value: g, label: t(`sup.groupBy.${g}`) }))}
          />
          <Button icon={<ReloadOutlined />} onClick={reloadAll} data-testid="sup-refresh">{t('common.refresh')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportStats('csv')} data-testid="sup-export-csv">{t('common.export.csv')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportStats('xlsx')} data-testid="sup-export-xlsx">{t('common.export.xlsx')}</Button>
        </Space>
      </Card>
      {summary.error && <Alert type="error" showIcon title={summary.error.message} style={{ marginBottom: 12 }} />}
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="sup-figures">
        <Col flex="1 1 0">
          <FigureCard label={t('sup.metric.cases')} value={fmtNumber(total?.cases)} detail="" tone="none" testId="figure-cases" onOpen={() => openDrill('cases')} />
        </Col>
        {FIGURES.map((f) => {
          const rate = total ? total[f.key] : null;
          return (
            <Col flex="1 1 0" key={f.key}>
              <FigureCard
                label={t(`sup.metric.${f.key}`)}
                value={fmtPercent(rate)}
                detail={total && f.numerator && f.denominator ? t('sup.ofN', { a: total[f.numerator] as number, b: total[f.denominator] as number }) : policy ? t('sup.policy', { v: policy.version, from: policy.effectiveFrom }) : ''}
                explanation={explain(f.key, total, f.numerator, f.denominator)}
                tone={rateTone(rate, f.lowerIsBetter)}
                headline={f.headline}
                testId={`figure-${f.key}`}
                onOpen={() => openDrill(f.key)}
              />
            </Col>
          );
        })}
        <Col flex="1 1 0">
          <FigureCard label={t('sup.metric.disputeResolutionRate')} value={fmtPercent(disputeRate)} detail={disputes.data ? '' : t('common.notAvailable')} tone={rateTone(disputeRate, false)} testId="figure-disputeResolutionRate" />
        </Col>
      </Row>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          items={[
            {
              key: 'groups',
              label: `${t('sup.groupBy')}: ${t(`sup.groupBy.${groupBy}`)}`,
              children: (
                <Table
                  size="small"
                  rowKey="key"
                  data-testid="sup-groups"
                  loading={summary.loading}
                  dataSource={summary.data?.groups ?? []}
                  scroll={{ x: 980 }}
                  pagination={{ pageSize: 10, showTotal: (n) => t('common.total', { n }) }}
                  locale={{ emptyText: t('sup.noData') }}
                  columns={[
                    { title: t('sup.unit'), dataIndex: 'name', fixed: 'left', width: 160, ellipsis: true },
                    {
                      title: t('sup.metric.cases'), key: 'cases', width: 80, sorter: (a, b) => a.rates.cases - b.rates.cases,
                      render: (_, g) => <a onClick={() => openDrill('cases', g.key, g.name)} data-testid={`cell-${g.key}-cases`}>{g.rates.cases}</a>,
                    },
                    ...FIGURES.map((f) => ({
                      title: t(`sup.metric.${f.key}`),
                      key: f.key,
                      width: 100,
                      sorter: (a: Summary['groups'][number], b: Summary['groups'][number]) => (a.rates[f.key] ?? -1) - (b.rates[f.key] ?? -1),
                      render: (_: unknown, g: Summary['groups'][number]) => (
                        <Tooltip title={explain(f.key, g.rates, f.numerator, f.denominator)}>
                          <a onClick={() => openDrill(f.key, g.key, g.name)} style={{ color: TONE_COLOR[rateTone(g.rates[f.key], f.lowerIsBetter)], fontVariantNumeric: 'tabular-nums' }} data-testid={`cell-${g.key}-${f.key}`}>
                            {fmtPercent(g.rates[f.key])}
                          </a>
                        </Tooltip>
                      ),
                    })),
                  ]}
                />
              ),
            },
            {
              key: 'ranking',
              label: t('sup.ranking'),
              children: (
                <>
                  <Space style={{ marginBottom: 8 }}>
                    <Select<RateKey> value={metric} onChange={setMetric} style={{ width: 200 }} aria-label={t('sup.value')} data-testid="sup-ranking-metric"
                      options={FIGURES.map((f) => ({ value: f.key, label: t(`sup.metric.${f.key}`) }))} />
                    {groupBy === 'category' && <Typography.Text type="secondary">{t('sup.groupBy.street')} / {t('sup.groupBy.community')} / {t('sup.groupBy.department')}</Typography.Text>}
                  </Space>
                  <Row gutter={12}>
                    <Col span={12}>
                      <Table<Ranked> size="small" rowKey="key" data-testid="sup-ranking" pagination={{ pageSize: 10 }} dataSource={ranking.data ?? []} loading={ranking.loading}
                        columns={[
                          { title: t('sup.rank'), dataIndex: 'rank', width: 60 },
                          { title: t('sup.unit'), dataIndex: 'name', ellipsis: true },
                          { title: t('sup.value'), dataIndex: 'value', width: 90, render: (v: number | null, r) => <a onClick={() => openDrill(metric, r.key, r.name)}>{fmtPercent(v)}</a> },
                          { title: '', dataIndex: 'list', width: 70, render: (l: string | null) => (l === 'red' ? <Tag color="red">{t('sup.red')}</Tag> : l === 'black' ? <Tag color="#262626">{t('sup.black')}</Tag> : null) },
                        ]} />
                    </Col>
                    <Col span={12}>
                      <Row gutter={8}>
                        <Col span={12}>
                          <Card size="small" title={<span style={{ color: '#a8071a' }}>{t('sup.red')}</span>} data-testid="sup-red-list">
                            <List size="small" dataSource={(ranking.data ?? []).filter((r) => r.list === 'red')} locale={{ emptyText: t('common.none') }} renderItem={(r) => <List.Item>{r.rank}. {r.name} <b>{fmtPercent(r.value)}</b></List.Item>} />
                          </Card>
                        </Col>
                        <Col span={12}>
                          <Card size="small" title={t('sup.black')} data-testid="sup-black-list">
                            <List size="small" dataSource={(ranking.data ?? []).filter((r) => r.list === 'black')} locale={{ emptyText: t('common.none') }} renderItem={(r) => <List.Item>{r.rank}. {r.name} <b>{fmtPercent(r.value)}</b></List.Item>} />
                          </Card>
                        </Col>
                      </Row>
                    </Col>
                  </Row>
                </>
              ),
            },
            {
              key: 'trend',
              label: t('sup.trend'),
              children: (
                <>
                  <Segmented size="small" value={interval} onChange={(v) => setIntervalKind(v as 'day' | 'week')} options={[{ value: 'day', label: t('sup.trend.day') }, { value: 'week', label: t('sup.trend.week') }]} aria-label={t('sup.trend')} />
                  <div data-testid="sup-trend" role="figure" aria-label={t('sup.trend')}>
                    <ReactECharts
                      style={{ height: 300 }}
                      notMerge
                      option={{
                        tooltip: { trigger: 'axis' },
                        legend: { top: 0 },
                        grid: { left: 40, right: 16, top: 30, bottom: 30 },
                        xAxis: { type: 'category', data: (trend.data ?? []).map((p) => p.bucket) },
                        yAxis: { type: 'value', minInterval: 1 },
                        series: [
                          { name: t('sup.trend.cases'), type: 'line', smooth: true, data: (trend.data ?? []).map((p) => p.cases), itemStyle: { color: '#1554c0' } },
                          { name: t('sup.trend.resolved'), type: 'line', smooth: true, data: (trend.data ?? []).map((p) => p.resolved), itemStyle: { color: '#237804' } },
                          { name: t('sup.trend.breached'), type: 'bar', data: (trend.data ?? []).map((p) => p.breached), itemStyle: { color: '#cf1322' } },
                        ],
                      }}
                    />
                  </div>
                </>
              ),
            },
            {
              key: 'heat',
              label: t('sup.heatmap'),
              children: (
                <>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('sup.heatmap.hint')}</Typography.Paragraph>
                  <CityMap height={420} testId="sup-heatmap" ariaLabel={t('sup.heatmap')} clickLevel="community"
                    heat={heatData}
                    onUnitClick={(unit) => setDrill({ ...period, metric: 'cases', groupBy: 'community', key: unit.id, name: unit.name })} />
                </>
              ),
            },
            { key: 'extensions', label: t('sup.extensions'), children: <ExtensionApprovals /> },
          ]}
        />
      </Card>
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

/** Cases per grid, placed at the grid's centre and weighted by their number, for the heat layer. */
function heatPoints(cells: HeatCell[] | undefined) {
  return (cells ?? []).flatMap((c) => (c.lng === null || c.lat === null ? [] : [{ lng: c.lng, lat: c.lat, weight: c.count }]));
}

function FigureCard({ label, value, detail, tone, headline, testId, onOpen, explanation }: { label: string; value: string; detail: string; tone: keyof typeof TONE_COLOR; headline?: boolean; testId: string; onOpen?(): void; explanation?: string }) {
  return (
    <Tooltip title={explanation || undefined}>
    <Card
      size="small"
      className={onOpen ? 'figure-card' : undefined}
      data-testid={testId}
      role={onOpen ? 'button' : undefined}
      tabIndex={onOpen ? 0 : undefined}
      aria-label={`${label} ${value} ${detail}`}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (onOpen && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onOpen();
        }
      }}
      style={{ borderTop: headline ? '3px solid #1554c0' : undefined, height: '100%' }}
      styles={{ body: { padding: '8px 10px' } }}
    >
      <div style={{ fontSize: 12, color: '#434343', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{label}</div>
      <div style={{ fontSize: headline ? 22 : 18, fontWeight: 600, color: TONE_COLOR[tone], fontVariantNumeric: 'tabular-nums' }} data-testid={`${testId}-value`}>{value}</div>
      <div style={{ fontSize: 11, color: '#595959', minHeight: 16 }}>{detail}</div>
    </Card>
    </Tooltip>
  );
}

/** 延期审批: extension requests the supervisor was told of (inbox), still pending on their case. */
function ExtensionApprovals() {
  const { t, fmtTime } = useI18n();
  const { message } = App.useApp();
  const org = useOrg();
  const list = useAsync(async () => {
    const inbox = await api<{ items: InboxItem[] }>('notification/inbox', { query: { limit: 200 } });
    const numbers = [...new Set((inbox.items ?? []).filter((i) => i.eventType === 'case.extension-requested' && i.caseNumber).map((i) => i.caseNumber!))];
    const statuses = await Promise.all(
      numbers.map((n) => api<{ caseNumber: string; currentUnit: string | null; pendingExtension: { extra: { amount: number; unit: string; basis: string }; reason: string; at: string } | null }>(`casework/cases/${encodeURIComponent(n)}/status`).catch(() => null)),
    );
    return statuses.filter((s): s is NonNullable<typeof s> => !!s && !!s.pendingExtension);
  }, []);
  useCaseUpdates((u) => u.eventType?.includes('extension') && list.refresh());
  const decide = async (caseNumber: string, approved: boolean) => {
    try {
      await sendCommand(caseNumber, 'decideExtension', { approved });
      message.success(t('common.done'));
      list.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sup.extensions.hint')}</Typography.Paragraph>
      {(list.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
      ) : (
        <List
          data-testid="sup-extensions"
          dataSource={list.data}
          renderItem={(s) => (
            <List.Item actions={[
              <Button key="y" type="primary" size="small" onClick={() => void decide(s.caseNumber, true)}>{t('form.approved')}</Button>,
              <Button key="n" size="small" danger onClick={() => void decide(s.caseNumber, false)}>{t('form.refused')}</Button>,
            ]}>
              <List.Item.Meta title={<Space><CaseLink caseNumber={s.caseNumber} /> {org.name(s.currentUnit)}</Space>}
                description={`+${s.pendingExtension!.extra.amount} ${t(`form.unit.${s.pendingExtension!.extra.unit}`)} · ${s.pendingExtension!.reason} · ${fmtTime(s.pendingExtension!.at)}`} />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
