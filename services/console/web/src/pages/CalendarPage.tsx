// 工作日历: the official holiday arrangement of each year — entered or imported by an administrator (form,
// chinese-days JSON, iCalendar, CSV), previewed as a day-by-day difference from what the calendar answers now,
// saved as the year's next version (who, when, what changed), in force at once; years without one are provisional.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Row, Segmented, Space, Table, Tabs, Tag, Timeline, Tooltip, Typography, Upload } from 'antd';
import { CalendarOutlined, EyeOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useUser } from '../api/session';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/use-async';
import { CALENDAR_CHANGED_EVENT } from '../components/CalendarBanner';
import { arrangementFromLines, type DayEntry, linesOf, monthsOf, type YearArrangement } from '../lib/calendar';

type Format = 'arrangement' | 'chinese-days-json' | 'ics' | 'csv';
type Source = 'entered' | 'package' | 'law';

interface Who {
  userId: string;
  name: string;
  role: string;
}
interface YearSummary {
  year: number;
  status: 'official' | 'provisional' | 'uncovered';
  source: Source;
  yearVersion: number;
  enteredAt?: string;
  enteredBy?: Who;
  holidays: number;
  makeUpWorkdays: number;
}
interface DayInfo {
  date: string;
  working: boolean;
  reason: 'weekday' | 'weekend' | 'publicHoliday' | 'makeUpWorkday' | 'localOverride';
  name?: string;
  provisional?: true;
}
interface DayChange {
  date: string;
  before: Pick<DayInfo, 'working' | 'reason' | 'name' | 'provisional'>;
  after: Pick<DayInfo, 'working' | 'reason' | 'name'>;
}
interface Diff {
  before: 'official' | 'provisional' | 'uncovered';
  changes: DayChange[];
  workingDays: { before: number; after: number };
}
interface HistoryRecord {
  calendarVersion: number;
  yearVersion: number;
  change: 'entered' | 'corrected';
  at: string;
  by: Who;
  source: string;
  comment?: string;
  arrangement: YearArrangement;
  diff: Diff;
}
interface YearDetail extends YearSummary {
  arrangement: YearArrangement | null;
  days: DayInfo[];
  history: HistoryRecord[];
}
interface Preview {
  year: number;
  arrangement: YearArrangement;
  baseYearVersion: number;
  otherYearDays: number;
  diff: Diff;
  problems: { field: string; reason: string }[];
}

const STATUS_COLOR: Record<Source, string> = { entered: 'green', package: 'blue', law: 'gold' };

export function CalendarPage() {
  const { t, fmtTime } = useI18n();
  const user = useUser();
  const list = useAsync(() => api<{ version: number; years: YearSummary[] }>('grid/calendar/years'), []);
  const [year, setYear] = useState<number>();
  useEffect(() => {
    if (year === undefined && list.data) setYear(list.data.years.find((y) => y.status === 'provisional')?.year ?? list.data.years[0]?.year);
  }, [list.data, year]);
  const detail = useAsync(() => (year === undefined ? Promise.resolve(undefined) : api<YearDetail>(`grid/calendar/years/${year}`)), [year]);
  const reload = () => {
    list.reload();
    detail.reload();
  };
  return (
    <Row gutter={12} data-testid="calendar-page">
      <Col xs={24} lg={9}>
        <Card size="small" title={<Space><CalendarOutlined />{t('cal.years')}</Space>}>
          {list.error && <Alert type="error" showIcon title={list.error.message} />}
          <Table<YearSummary>
            size="small"
            rowKey="year"
            pagination={false}
            data-testid="calendar-years"
            loading={list.loading && !list.data}
            dataSource={list.data?.years ?? []}
            rowClassName={(r) => (r.year === year ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ onClick: () => setYear(r.year), style: { cursor: 'pointer' }, 'data-year': r.year }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('cal.year'), dataIndex: 'year', width: 64 },
              { title: t('cal.status'), key: 'status', render: (_, r) => <Tag color={r.status === 'uncovered' ? 'default' : STATUS_COLOR[r.source]} data-testid={`year-status-${r.year}`}>{t(r.status === 'uncovered' ? 'cal.status.uncovered' : `cal.status.${r.source}`)}</Tag> },
              { title: t('cal.version'), dataIndex: 'yearVersion', width: 52, render: (v: number) => (v ? `v${v}` : '—') },
              { title: t('cal.enteredBy'), key: 'by', render: (_, r) => (r.enteredBy ? <Tooltip title={fmtTime(r.enteredAt)}>{r.enteredBy.name}</Tooltip> : '—') },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        {year === undefined || !detail.data ? (
          <Card size="small" loading={detail.loading} />
        ) : (
          <Card size="small" title={<Space>{year}<Tag color={STATUS_COLOR[detail.data.source]}>{t(`cal.status.${detail.data.source}`)}</Tag>{detail.data.arrangement?.note && <Typography.Text type="secondary">{detail.data.arrangement.note}</Typography.Text>}</Space>}>
            <Tabs
              size="small"
              items={[
                { key: 'days', label: t('cal.tab.days'), children: <YearDays days={detail.data.days} /> },
                { key: 'enter', label: t('cal.tab.enter'), children: user.role === 'admin' ? <EnterYear detail={detail.data} onSaved={reload} /> : <Alert type="info" showIcon title={t('cal.readOnly')} /> },
                { key: 'history', label: `${t('cal.tab.history')} (${detail.data.history.length})`, children: <YearHistory history={detail.data.history} /> },
              ]}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}

/** Twelve small months: days off in red, make-up working days in blue, provisional days hatched. */
function YearDays({ days }: { days: DayInfo[] }) {
  const { t } = useI18n();
  const months = useMemo(() => monthsOf(days), [days]);
  if (days.length === 0) return <Empty />;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }} data-testid="calendar-days">
      {months.map((month) => (
        <div key={month.month}>
          <Typography.Text strong style={{ fontSize: 12 }}>{month.month}</Typography.Text>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 1, fontSize: 11 }}>
            {[...t('cal.weekdays')].map((letter, i) => (
              <div key={`head-${i}`} style={{ textAlign: 'center', color: '#6b7280' }}>{letter}</div>
            ))}
            {month.cells.map((day, i) =>
              day ? (
                <Tooltip key={day.date} title={`${day.date} ${day.name ?? ''} · ${t(day.reason === 'makeUpWorkday' ? 'cal.day.makeUp' : day.reason === 'publicHoliday' ? 'cal.day.holiday' : day.working ? 'cal.day.work' : 'cal.day.off')}${day.provisional ? ` · ${t('sla.provisional')}` : ''}`}>
                  <div
                    data-date={day.date}
                    data-kind={day.reason}
                    style={{
                      textAlign: 'center',
                      lineHeight: '18px',
                      borderRadius: 2,
                      color: day.reason === 'publicHoliday' ? '#fff' : day.working ? '#1f2937' : '#9ca3af',
                      background: day.reason === 'publicHoliday' ? '#c2410c' : day.reason === 'makeUpWorkday' ? '#bfdbfe' : undefined,
                      outline: day.provisional && day.reason === 'publicHoliday' ? '1px dashed #92400e' : undefined,
                    }}
                  >
                    {Number(day.date.slice(8))}
                  </div>
                </Tooltip>
              ) : (
                <div key={`blank-${i}`} />
              ),
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

function EnterYear({ detail, onSaved }: { detail: YearDetail; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [format, setFormat] = useState<Format>('arrangement');
  const [holidayLines, setHolidayLines] = useState('');
  const [workdayLines, setWorkdayLines] = useState('');
  const [fileText, setFileText] = useState('');
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [preview, setPreview] = useState<Preview>();
  const [busy, setBusy] = useState(false);

  const startFromCurrent = () => {
    setHolidayLines(linesOf(detail.arrangement?.holidays ?? []));
    setWorkdayLines(linesOf(detail.arrangement?.makeUpWorkdays ?? []));
    setNote(detail.arrangement?.note ?? '');
    setPreview(undefined);
  };
  const body = () =>
    format === 'arrangement'
      ? { format, content: arrangementFromLines(holidayLines, workdayLines), ...(note.trim() ? { note: note.trim() } : {}) }
      : { format, content: fileText, ...(note.trim() ? { note: note.trim() } : {}) };
  const runPreview = async () => {
    setBusy(true);
    try {
      setPreview(await api<Preview>(`grid/calendar/years/${detail.year}/preview`, { body: body() }));
    } catch (e) {
      setPreview(undefined);
      message.error((e as Error).message, 8);
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const saved = await api<{ yearVersion: number }>(`grid/calendar/years/${detail.year}`, { method: 'PUT', body: { ...body(), expectedYearVersion: preview.baseYearVersion, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
      message.success(t('cal.saved', { year: detail.year, version: saved.yearVersion }), 6);
      setPreview(undefined);
      onSaved();
      window.dispatchEvent(new Event(CALENDAR_CHANGED_EVENT));
    } catch (e) {
      message.error((e as Error).message, 8);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8} data-testid="calendar-enter">
      <Space wrap>
        <Typography.Text>{t('cal.format')}</Typography.Text>
        <Segmented<Format>
          data-testid="calendar-format"
          value={format}
          onChange={(v) => {
            setFormat(v);
            setPreview(undefined);
          }}
          options={(['arrangement', 'chinese-days-json', 'ics', 'csv'] as const).map((f) => ({ value: f, label: t(`cal.format.${f}`) }))}
        />
        {format === 'arrangement' && <Button size="small" onClick={startFromCurrent} data-testid="calendar-from-current">{t('cal.fromCurrent')}</Button>}
      </Space>
      <Form layout="vertical" size="small">
        {format === 'arrangement' ? (
          <Row gutter={8}>
            <Col span={14}>
              <Form.Item label={t('cal.holidayLines')}>
                <Input.TextArea rows={8} value={holidayLines} onChange={(e) => setHolidayLines(e.target.value)} data-testid="calendar-holidays" placeholder={'2027-01-01 元旦\n2027-02-05 春节'} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item label={t('cal.workdayLines')}>
                <Input.TextArea rows={8} value={workdayLines} onChange={(e) => setWorkdayLines(e.target.value)} data-testid="calendar-workdays" placeholder={'2027-02-20 春节调休'} />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item label={t('cal.fileContent')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Upload
                accept={format === 'ics' ? '.ics' : format === 'csv' ? '.csv,.txt' : '.json'}
                showUploadList={false}
                beforeUpload={(file) => {
                  void file.text().then((text) => {
                    setFileText(text);
                    setPreview(undefined);
                  });
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />}>{t('cal.chooseFile')}</Button>
              </Upload>
              <Input.TextArea rows={6} value={fileText} onChange={(e) => setFileText(e.target.value)} data-testid="calendar-file" style={{ fontFamily: 'monospace', fontSize: 12 }} />
            </Space>
          </Form.Item>
        )}
        <Row gutter={8}>
          <Col span={14}>
            <Form.Item label={t('cal.note')}>
              <Input value={note} onChange={(e) => setNote(e.target.value)} data-testid="calendar-note" placeholder={`国务院办公厅关于${detail.year}年部分节假日安排的通知`} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label={t('cal.comment')}>
              <Input value={comment} onChange={(e) => setComment(e.target.value)} data-testid="calendar-comment" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Space>
        <Button icon={<EyeOutlined />} onClick={() => void runPreview()} loading={busy} data-testid="calendar-preview">{t('cal.preview')}</Button>
        <Button type="primary" icon={<SaveOutlined />} disabled={!preview || preview.problems.length > 0} onClick={() => void save()} loading={busy} data-testid="calendar-save">{t('cal.save')}</Button>
      </Space>
      {preview && <PreviewResult preview={preview} />}
    </Space>
  );
}

function PreviewResult({ preview }: { preview: Preview }) {
  const { t } = useI18n();
  const dayText = (d: Pick<DayInfo, 'working' | 'reason' | 'name'> & { provisional?: true }) =>
    `${t(d.reason === 'makeUpWorkday' ? 'cal.day.makeUp' : d.reason === 'publicHoliday' ? 'cal.day.holiday' : d.working ? 'cal.day.work' : 'cal.day.off')}${d.name ? ` · ${d.name}` : ''}${d.provisional ? ` (${t('sla.provisional')})` : ''}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="calendar-preview-result">
      {preview.problems.length > 0 && (
        <Alert type="error" showIcon title={t('cal.problems')} description={<ul style={{ margin: 0, paddingInlineStart: 16 }}>{preview.problems.map((p) => <li key={p.reason}>{p.reason}</li>)}</ul>} data-testid="calendar-problems" />
      )}
      {preview.otherYearDays > 0 && <Alert type="info" showIcon title={t('cal.otherYears', { n: preview.otherYearDays })} />}
      <Typography.Text strong data-testid="calendar-diff-summary">
        {t('cal.diff', { before: t(preview.diff.before === 'official' ? 'cal.status.entered' : 'cal.status.law'), n: preview.diff.changes.length, from: preview.diff.workingDays.before, to: preview.diff.workingDays.after })}
      </Typography.Text>
      <Table<DayChange>
        size="small"
        rowKey="date"
        data-testid="calendar-diff"
        pagination={{ pageSize: 8, size: 'small' }}
        dataSource={preview.diff.changes}
        columns={[
          { title: t('cal.diff.date'), dataIndex: 'date', width: 110 },
          { title: t('cal.diff.before'), key: 'before', render: (_, c) => <Typography.Text type={c.before.working ? undefined : 'danger'}>{dayText(c.before)}</Typography.Text> },
          { title: t('cal.diff.after'), key: 'after', render: (_, c) => <Typography.Text strong type={c.after.working ? undefined : 'danger'}>{dayText(c.after)}</Typography.Text> },
        ]}
      />
    </Space>
  );
}

function YearHistory({ history }: { history: HistoryRecord[] }) {
  const { t, fmtTime } = useI18n();
  if (history.length === 0) return <Empty description={t('cal.history.empty')} />;
  return (
    <Timeline
      data-testid="calendar-history"
      items={history.map((record) => ({
        color: record.change === 'entered' ? 'green' : 'blue',
        children: (
          <div>
            <Typography.Text strong>{t('cal.history.entry', { version: record.yearVersion, change: t(`cal.change.${record.change}`), who: record.by.name, source: record.source })}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{fmtTime(record.at)} · {t('cal.changedDays', { n: record.diff.changes.length })}</Typography.Text>
            </div>
            {record.comment && <div>{record.comment}</div>}
            <div style={{ fontSize: 12 }}>{record.diff.changes.slice(0, 6).map((c) => `${c.date} ${c.after.working ? '↑' : '↓'}`).join('  ')}{record.diff.changes.length > 6 ? ' …' : ''}</div>
          </div>
        ),
      }))}
    />
  );
}

export type { DayEntry };
