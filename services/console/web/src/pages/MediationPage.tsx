// 矛盾调解: the mediator's disputes, their parties, the session calendar, minutes and the agreement document.
// Built against services/mediation's API (api/v1/mediation/…) defensively: fields it lacks are left out.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Calendar, Card, Col, Descriptions, Empty, List, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, fetchBlobUrl, listOf } from '../api/client';
import { usePolling } from '../api/live';
import { useI18n } from '../i18n';
import { CaseLink, useOrg } from '../components/common';
import { useAsync } from '../lib/use-async';

interface Party {
  partyId?: string;
  role?: string;
  name: string;
  phone?: string | { masked?: string } | null;
  phoneMasked?: string;
  address?: string | null;
}
interface Session {
  sessionId: string;
  startsAt: string;
  endsAt?: string;
  place?: string;
  consultation?: boolean;
  held?: boolean;
  status?: string;
  minutes?: string | { summary?: string } | null;
  minutesSummary?: string;
}
interface Dispute {
  disputeId?: string;
  _id?: string;
  id?: string;
  caseNumber?: string | null;
  disputeType?: string;
  summary?: string;
  stage?: string;
  level?: string;
  communityId?: string;
  deadline?: string | null;
  openedAt?: string;
  parties?: Party[];
  sessions?: Session[];
  agreement?: { agreementId: string; terms: { party: string; obligation: string; dueAt: string; kept?: boolean | null }[] } | null;
}

const idOf = (d: Dispute) => d.disputeId ?? d._id ?? d.id ?? '';
const minutesOf = (s: Session) => (typeof s.minutes === 'string' ? s.minutes : s.minutes?.summary ?? s.minutesSummary ?? '');
const phoneOf = (p: Party) => (typeof p.phone === 'string' ? p.phone : p.phone?.masked ?? p.phoneMasked ?? '');

export function MediationPage() {
  const { t, fmtTime, fmtDate } = useI18n();
  const org = useOrg();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string | null>(null);
  const list = useAsync(() => api<unknown>('mediation/mediation/disputes', { query: { pageSize: 100 } }).then((r) => listOf<Dispute>(r, 'disputes', 'items')), []);
  usePolling(list.reload, 30_000);
  const detail = useAsync(
    async () => {
      if (!selected) return null;
      const n = encodeURIComponent(selected);
      const dispute = await api<Dispute>(`mediation/mediation/disputes/${n}`);
      const sessions = dispute.sessions ?? (await api<unknown>(`mediation/mediation/disputes/${n}/sessions`).then((r) => listOf<Session>(r, 'sessions')).catch(() => []));
      return { ...dispute, sessions };
    },
    [selected],
  );
  const disputes = list.data ?? [];
  const d = detail.data;
  const allSessions = useMemo(() => (d?.sessions ?? []).map((s) => ({ ...s, held: s.held ?? s.status === 'held', day: dayjs(s.startsAt) })), [d]);
  const openPdf = async () => {
    if (!selected) return;
    const n = encodeURIComponent(selected);
    for (const path of [`mediation/mediation/disputes/${n}/agreement.pdf`, `mediation/mediation/disputes/${n}/agreement/pdf`, `mediation/mediation/disputes/${n}/agreement`]) {
      try {
        const url = await fetchBlobUrl(path);
        window.open(url, '_blank', 'noopener');
        return;
      } catch {
        /* try the next */
      }
    }
    message.error(t('common.notAvailable'));
  };
  const cellRender = (value: Dayjs) => {
    const today = allSessions.filter((s) => s.day.isSame(value, 'day'));
    return today.map((s) => (
      <Tag key={s.sessionId} color={s.held ? 'green' : s.consultation ? 'purple' : 'blue'} style={{ fontSize: 11 }}>
        {s.day.format('HH:mm')} {s.place ?? ''}
      </Tag>
    ));
  };
  return (
    <Row gutter={12} data-testid="mediation-page">
      <Col xs={24} lg={9}>
        <Card size="small" title={t('mediation.disputes')} extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />}>
          {list.error && <Alert type="warning" showIcon title={t('common.notAvailable')} description={list.error.message} style={{ marginBottom: 8 }} />}
          <Table<Dispute>
            size="small"
            rowKey={idOf}
            data-testid="dispute-list"
            dataSource={disputes}
            locale={{ emptyText: t('mediation.empty') }}
            pagination={{ pageSize: 10 }}
            rowSelection={undefined}
            onRow={(row) => ({ onClick: () => setSelected(idOf(row)), style: { cursor: 'pointer', background: idOf(row) === selected ? '#e6f4ff' : undefined }, 'data-testid': 'dispute-row' } as React.HTMLAttributes<HTMLTableRowElement>)}
            columns={[
              { title: t('mediation.type'), dataIndex: 'disputeType', width: 110, render: (v: string | undefined) => v ?? '—' },
              { title: t('case.content'), dataIndex: 'summary', ellipsis: true },
              { title: t('mediation.stage'), dataIndex: 'stage', width: 110, render: (s?: string) => (s ? <Tag>{t(`mediation.stage.${s}`)}</Tag> : '—') },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card size="small" title={selected ? `${t('mediation.title')} · ${selected}` : t('mediation.title')}
          extra={d?.agreement && <Button icon={<FilePdfOutlined />} onClick={() => void openPdf()} data-testid="agreement-pdf">{t('mediation.agreementPdf')}</Button>}>
          {!selected ? (
            <Empty description={t('mediation.selectDispute')} />
          ) : detail.error ? (
            <Alert type="error" showIcon title={detail.error.message} />
          ) : !d ? null : (
            <>
              <Descriptions size="small" column={2} bordered style={{ marginBottom: 8 }}>
                <Descriptions.Item label={t('mediation.stage')}>{d.stage ? t(`mediation.stage.${d.stage}`) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('case.level')}>{d.level ? t(`level.${d.level}`) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('mediation.deadline')}>{fmtTime(d.deadline)}</Descriptions.Item>
                <Descriptions.Item label={t('call.caseNumber')}>{d.caseNumber ? <CaseLink caseNumber={d.caseNumber} /> : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('dispatch.community')}>{org.name(d.communityId)}</Descriptions.Item>
                <Descriptions.Item label={t('case.registeredAt')}>{fmtTime(d.openedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('case.content')} span={2}>{d.summary}</Descriptions.Item>
              </Descriptions>
              <Tabs
                items={[
                  {
                    key: 'parties',
                    label: `${t('mediation.parties')} (${d.parties?.length ?? 0})`,
                    children: <List size="small" data-testid="dispute-parties" dataSource={d.parties ?? []} renderItem={(p) => <List.Item><Space><b>{p.name}</b>{p.role && <Tag>{p.role}</Tag>}<span>{phoneOf(p)}</span><Typography.Text type="secondary">{p.address}</Typography.Text></Space></List.Item>} />,
                  },
                  {
                    key: 'calendar',
                    label: `${t('mediation.calendar')} (${allSessions.length})`,
                    children: <div data-testid="dispute-calendar"><Calendar fullscreen={false} cellRender={(v, info) => (info.type === 'date' ? cellRender(v) : null)} /></div>,
                  },
                  {
                    key: 'minutes',
                    label: t('mediation.minutes'),
                    children: (
                      <List size="small" data-testid="dispute-minutes" dataSource={allSessions} locale={{ emptyText: t('common.none') }}
                        renderItem={(s) => (
                          <List.Item>
                            <List.Item.Meta title={<Space>{fmtTime(s.startsAt)} {s.place}{s.consultation && <Tag color="purple">{t('mediation.consultation')}</Tag>}{s.held && <Tag color="green">{t('mediation.held')}</Tag>}</Space>}
                              description={minutesOf(s) || '—'} />
                          </List.Item>
                        )} />
                    ),
                  },
                  {
                    key: 'agreement',
                    label: t('mediation.agreement'),
                    children: d.agreement ? (
                      <Table size="small" rowKey={(r) => `${r.party}-${r.obligation}`} pagination={false} dataSource={d.agreement.terms} data-testid="dispute-agreement"
                        columns={[
                          { title: t('mediation.parties'), dataIndex: 'party' },
                          { title: t('mediation.terms'), dataIndex: 'obligation' },
                          { title: t('worklist.deadline'), dataIndex: 'dueAt', render: (v: string) => fmtDate(v) },
                          { title: t('mediation.kept'), dataIndex: 'kept', render: (k?: boolean | null) => (k === true ? <Tag color="green">{t('common.yes')}</Tag> : k === false ? <Tag color="red">{t('common.no')}</Tag> : '—') },
                        ]} />
                    ) : (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
                    ),
                  },
                ]}
              />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
