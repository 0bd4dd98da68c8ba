// 矛盾调解: the mediator's disputes and the working screen of one (`?dispute=<id>`): parties (contacts masked, the
// full value through an audited read), sessions and 3+X consultations with their minutes, the agreement with its
// follow-ups and PDF, failures — each action a form (components/MediationForms) sent to services/mediation
// (api/v1/mediation/…); after each the dispute is read again.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Calendar, Card, Col, Descriptions, Empty, List, Row, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { CalendarOutlined, CheckCircleOutlined, CloseCircleOutlined, EditOutlined, EyeOutlined, FilePdfOutlined, FileTextOutlined, PlusOutlined, ReloadOutlined, SolutionOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { api, fetchBlobUrl, listOf } from '../api/client';
import { usePolling } from '../api/live';
import { useUser } from '../api/session';
import { useI18n } from '../i18n';
import { CaseLink, useNow, useOrg } from '../components/common';
import {
  AgreementModal, ConsultationModal, ContactModal, disputePath, FailureModal, FollowUpModal, MinutesModal, PartyModal, type PartyView, SessionModal, type SessionView, type TermView, WalkInModal,
} from '../components/MediationForms';
import { sessionPhase } from '../lib/mediation';
import { useAsync } from '../lib/use-async';

interface Dispute {
  disputeId: string;
  caseNumber?: string | null;
  origin?: string;
  disputeType?: string;
  summary?: string;
  amountAtStakeCny?: number | null;
  stage?: string;
  level?: string;
  communityId?: string;
  streetId?: string;
  mediatorId?: string | null;
  committeeId?: string | null;
  assignmentPending?: boolean;
  deadline?: string | null;
  openedAt?: string;
  agreedAt?: string | null;
  guidance?: string | null;
  parties?: PartyView[];
  agreement?: { agreementId: string; reachedAt: string; reachedBy?: { name: string }; terms: TermView[] } | null;
  failures?: { level: string; reason: string; next: string; at: string }[];
}

interface Figures {
  total: { resolutionRate: number | null; agreementsReached: number; averageDaysToAgreement: number | null; keptRate: number | null };
}

type Action =
  | { kind: 'walkIn' }
  | { kind: 'party'; party: PartyView | null }
  | { kind: 'contact'; party: PartyView }
  | { kind: 'session'; consultation: boolean }
  | { kind: 'minutes' | 'consultation'; session: SessionView }
  | { kind: 'agreement' }
  | { kind: 'followUp'; index: number; term: TermView }
  | { kind: 'failure' };

const STAGE_COLORS: Record<string, string> = { 'awaiting-mediator': 'orange', mediating: 'processing', agreed: 'cyan', resolved: 'green', failed: 'red' };
const OPEN = ['awaiting-mediator', 'mediating'];

export function MediationPage() {
  const { t, fmtTime, fmtDate, fmtPercent, fmtNumber } = useI18n();
  const org = useOrg();
  const user = useUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const selected = params.get('dispute');
  const select = (id: string | null) => setParams(id ? { dispute: id } : {}, { replace: true });
  const [tab, setTab] = useState('parties');
  const [action, setAction] = useState<Action | null>(null);
  const mayMediate = user.role === 'mediator' || user.role === 'supervisor';

  const list = useAsync(() => api<unknown>('mediation/mediation/disputes', { query: { pageSize: 100 } }).then((r) => listOf<Dispute>(r, 'items')), []);
  usePolling(list.refresh, 30_000);
  const figures = useAsync(() => api<Figures>('mediation/mediation/figures', { query: { from: dayjs().subtract(30, 'day').toISOString(), groupBy: 'none' } }).catch(() => null), []);
  const detail = useAsync(async () => {
    if (!selected) return null;
    const [dispute, sessions, running] = await Promise.all([
      api<Dispute>(disputePath(selected)),
      api<unknown>(disputePath(selected, '/sessions')).then((r) => listOf<SessionView>(r, 'items')).catch(() => [] as SessionView[]),
      // 调解期限: the running limit is the workflow's (the stored dispute keeps one only for the street centre)
      api<{ deadline?: string | null }>(disputePath(selected, '/status')).catch(() => null),
    ]);
    const mediating = dispute.stage === 'awaiting-mediator' || dispute.stage === 'mediating';
    return { ...dispute, deadline: (mediating ? running?.deadline : null) ?? dispute.deadline, sessions };
  }, [selected]);
  const committeeId = detail.data?.committeeId ?? null;
  const committee = useAsync(
    () => (committeeId ? api<{ name: string; items: { mediatorId: string; name: string }[] }>(`mediation/mediation/committees/${encodeURIComponent(committeeId)}/mediators`).catch(() => null) : Promise.resolve(null)),
    [committeeId],
  );
  const mediatorName = (id: string) => committee.data?.items.find((m) => m.mediatorId === id)?.name ?? id;
  const refresh = () => {
    detail.reload();
    list.reload();
    figures.reload();
  };

  const disputes = list.data ?? [];
  const d = detail.data && detail.data.disputeId === selected ? detail.data : null;
  const parties = d?.parties ?? [];
  const partyName = (id: string) => parties.find((p) => p.partyId === id)?.name ?? id;
  const sessions = useMemo(() => (d?.sessions ?? []).map((s) => ({ ...s, day: dayjs(s.startsAt) })), [d]);
  const open = !!d?.stage && OPEN.includes(d.stage);

  const openPdf = async () => {
    if (!selected) return;
    try {
      const url = await fetchBlobUrl(disputePath(selected, '/agreement.pdf'));
      window.open(url, '_blank', 'noopener');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const after = (nextTab?: string) => () => {
    if (nextTab) setTab(nextTab);
    refresh();
  };

  const cellRender = (value: Dayjs) =>
    sessions.filter((s) => s.day.isSame(value, 'day')).map((s) => (
      <Tag key={s.sessionId} color={s.status === 'held' ? 'green' : s.consultation ? 'purple' : 'blue'} style={{ fontSize: 11 }}>
        {s.day.format('HH:mm')} {s.place}
      </Tag>
    ));

  const toolbar = d && mayMediate && open && (
    <Space wrap style={{ marginBottom: 8 }} data-testid="mediation-actions">
      <Button icon={<UserAddOutlined />} disabled={!open} onClick={() => setAction({ kind: 'party', party: null })} data-testid="mediation-action-addParty">{t('mediation.action.addParty')}</Button>
      <Button icon={<CalendarOutlined />} disabled={!open} onClick={() => setAction({ kind: 'session', consultation: false })} data-testid="mediation-action-schedule">{t('mediation.action.schedule')}</Button>
      <Button icon={<TeamOutlined />} disabled={!open} onClick={() => setAction({ kind: 'session', consultation: true })} data-testid="mediation-action-consultation">{t('mediation.action.scheduleConsultation')}</Button>
      <Tooltip title={parties.length === 0 ? t('mediation.noParties') : undefined}>
        <Button type="primary" icon={<SolutionOutlined />} disabled={!open || parties.length === 0} onClick={() => setAction({ kind: 'agreement' })} data-testid="mediation-action-agreement">{t('mediation.action.agreement')}</Button>
      </Tooltip>
      <Button danger icon={<CloseCircleOutlined />} disabled={!open} onClick={() => setAction({ kind: 'failure' })} data-testid="mediation-action-failure">{t('mediation.action.failure')}</Button>
    </Space>
  );

  return (
    <Row gutter={12} data-testid="mediation-page">
      <Col xs={24} lg={9}>
        {figures.data && (
          <Card size="small" title={t('mediation.fig.title')} style={{ marginBottom: 12 }} data-testid="mediation-figures">
            <Row gutter={8}>
              <Col span={6}><Statistic title={t('mediation.fig.resolutionRate')} value={fmtPercent(figures.data.total.resolutionRate)} styles={{ content: { fontSize: 18 } }} /></Col>
              <Col span={6}><Statistic title={t('mediation.fig.agreements')} value={figures.data.total.agreementsReached} styles={{ content: { fontSize: 18 } }} /></Col>
              <Col span={6}><Statistic title={t('mediation.fig.avgDays')} value={fmtNumber(figures.data.total.averageDaysToAgreement, 1)} styles={{ content: { fontSize: 18 } }} /></Col>
              <Col span={6}><Statistic title={t('mediation.fig.keptRate')} value={fmtPercent(figures.data.total.keptRate)} styles={{ content: { fontSize: 18 } }} /></Col>
            </Row>
          </Card>
        )}
        <Card size="small" title={t('mediation.disputes')}
          extra={
            <Space>
              {user.role === 'mediator' && <Button size="small" icon={<PlusOutlined />} onClick={() => setAction({ kind: 'walkIn' })} data-testid="mediation-action-walkIn">{t('mediation.action.openWalkIn')}</Button>}
              <Button size="small" icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} data-testid="dispute-list-refresh" />
            </Space>
          }>
          {list.error && <Alert type="warning" showIcon title={t('common.notAvailable')} description={list.error.message} style={{ marginBottom: 8 }} />}
          <Table<Dispute>
            size="small"
            rowKey="disputeId"
            data-testid="dispute-list"
            dataSource={disputes}
            locale={{ emptyText: t('mediation.empty') }}
            pagination={{ pageSize: 10, size: 'small' }}
            onRow={(row) => ({
              onClick: () => select(row.disputeId),
              onKeyDown: (e: React.KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && select(row.disputeId),
              tabIndex: 0,
              'aria-selected': row.disputeId === selected,
              style: { cursor: 'pointer', background: row.disputeId === selected ? '#e6f4ff' : undefined },
              'data-testid': 'dispute-row',
              'data-dispute': row.disputeId,
              'data-stage': row.stage,
            } as React.HTMLAttributes<HTMLTableRowElement>)}
            columns={[
              { title: t('mediation.type'), dataIndex: 'disputeType', width: 110, render: (v: string | undefined) => (v ? t(`mediation.type.${v}`) : '—') },
              { title: t('case.content'), dataIndex: 'summary', ellipsis: true },
              { title: t('mediation.stage'), dataIndex: 'stage', width: 110, render: (s?: string) => (s ? <Tag color={STAGE_COLORS[s]}>{t(`mediation.stage.${s}`)}</Tag> : '—') },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card size="small" title={selected ? `${t('mediation.title')} · ${selected}` : t('mediation.title')}
          data-testid="dispute-detail" data-dispute={d?.disputeId ?? ''} data-stage={d?.stage ?? ''}
          extra={selected && (
            <Space>
              {d?.agreement && <Button icon={<FilePdfOutlined />} onClick={() => void openPdf()} data-testid="agreement-pdf">{t('mediation.agreementPdf')}</Button>}
              <Button icon={<ReloadOutlined />} onClick={refresh} aria-label={t('common.refresh')} data-testid="dispute-refresh" />
            </Space>
          )}>
          {!selected ? (
            <Empty description={t('mediation.selectDispute')} />
          ) : detail.error ? (
            <Alert type="error" showIcon title={detail.error.message} />
          ) : !d ? null : (
            <>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 8 }}>
                <Descriptions.Item label={t('mediation.stage')}>{d.stage ? <Tag color={STAGE_COLORS[d.stage]} data-testid="dispute-stage">{t(`mediation.stage.${d.stage}`)}</Tag> : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('case.level')}>{d.level ? t(`level.${d.level}`) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('mediation.type')}>{d.disputeType ? t(`mediation.type.${d.disputeType}`) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('mediation.mediator')}>{d.mediatorId ? <span data-testid="dispute-mediator" data-mediator={d.mediatorId}>{mediatorName(d.mediatorId)}{committee.data?.name && <Typography.Text type="secondary"> · {committee.data.name}</Typography.Text>}</span> : (d.assignmentPending ? <Tag color="orange">{t('mediation.assignmentPending')}</Tag> : '—')}</Descriptions.Item>
                <Descriptions.Item label={t('mediation.deadline')}><span data-testid="dispute-deadline" data-deadline={d.deadline ?? ''}>{fmtTime(d.deadline)}</span></Descriptions.Item>
                <Descriptions.Item label={t('call.caseNumber')}>{d.caseNumber ? <CaseLink caseNumber={d.caseNumber} /> : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('dispatch.community')}>{org.name(d.communityId)}</Descriptions.Item>
                <Descriptions.Item label={t('case.registeredAt')}>{fmtTime(d.openedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('case.content')} span={2}>
                  {d.summary}
                  {d.amountAtStakeCny != null && <Typography.Text type="secondary"> · {t('mediation.field.amount')} {fmtNumber(d.amountAtStakeCny)}</Typography.Text>}
                </Descriptions.Item>
              </Descriptions>
              {(d.failures?.length ?? 0) > 0 && (
                <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('mediation.failures')} data-testid="dispute-failures"
                  description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{d.failures!.map((f) => <li key={f.at}>{fmtTime(f.at)} · {t(`level.${f.level}`)} · {f.reason} → {t(`mediation.next.${f.next}`)}</li>)}</ul>} />
              )}
              {toolbar}
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: 'parties',
                    label: `${t('mediation.parties')} (${parties.length})`,
                    children: (
                      <List size="small" data-testid="dispute-parties" dataSource={parties} locale={{ emptyText: t('mediation.noParties') }}
                        renderItem={(p) => (
                          <List.Item data-testid="party-item" data-party={p.partyId}
                            actions={mayMediate ? [
                              <Button key="edit" size="small" icon={<EditOutlined />} disabled={!open} onClick={() => setAction({ kind: 'party', party: p })} aria-label={`${t('mediation.action.editParty')} ${p.name}`}>{t('mediation.action.editParty')}</Button>,
                              ...(p.phoneMasked || p.idNumberMasked ? [<Button key="reveal" size="small" icon={<EyeOutlined />} onClick={() => setAction({ kind: 'contact', party: p })} aria-label={`${t('mediation.action.revealContact')} ${p.name}`}>{t('mediation.action.revealContact')}</Button>] : []),
                            ] : []}>
                            <Space wrap>
                              <b>{p.name}</b>
                              <Tag color={p.role === 'applicant' ? 'blue' : p.role === 'respondent' ? 'volcano' : 'default'}>{t(`mediation.role.${p.role}`)}</Tag>
                              {p.phoneMasked && <span>{p.phoneMasked}</span>}
                              {p.idNumberMasked && <Typography.Text type="secondary">{p.idNumberMasked}</Typography.Text>}
                              {p.address && <Typography.Text type="secondary">{p.address}</Typography.Text>}
                            </Space>
                          </List.Item>
                        )} />
                    ),
                  },
                  {
                    key: 'sessions',
                    label: `${t('mediation.sessions')} (${sessions.length})`,
                    children: <SessionList sessions={sessions} partyName={partyName} actionable={mayMediate && open} onRecord={(session) => setAction({ kind: session.consultation ? 'consultation' : 'minutes', session })} />,
                  },
                  {
                    key: 'calendar',
                    label: t('mediation.calendar'),
                    children: <div data-testid="dispute-calendar"><Calendar fullscreen={false} cellRender={(v, info) => (info.type === 'date' ? cellRender(v) : null)} /></div>,
                  },
                  {
                    key: 'agreement',
                    label: t('mediation.agreement'),
                    children: d.agreement ? (
                      <div data-testid="dispute-agreement-panel">
                        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
                          <Descriptions.Item label={t('mediation.agreementId')}>{d.agreement.agreementId}</Descriptions.Item>
                          <Descriptions.Item label={t('mediation.reachedAt')}>{fmtTime(d.agreement.reachedAt)}</Descriptions.Item>
                          <Descriptions.Item label={t('mediation.mediator')}>{d.agreement.reachedBy?.name ?? '—'}</Descriptions.Item>
                        </Descriptions>
                        <Table<TermView> size="small" rowKey={(r) => `${r.partyId ?? r.party}-${r.obligation}-${r.dueAt}`} pagination={false} dataSource={d.agreement.terms} data-testid="dispute-agreement"
                          columns={[
                            { title: '#', width: 40, render: (_v, _r, i) => i + 1 },
                            { title: t('mediation.field.party'), dataIndex: 'party' },
                            { title: t('mediation.field.obligation'), dataIndex: 'obligation' },
                            { title: t('mediation.field.dueAt'), dataIndex: 'dueAt', render: (v: string) => fmtDate(v) },
                            {
                              title: t('mediation.kept'), dataIndex: 'kept',
                              render: (k: boolean | null, r) => (k === true ? <Tag color="green" icon={<CheckCircleOutlined />}>{t('common.yes')}</Tag> : k === false ? <Tooltip title={r.note}><Tag color="red">{t('common.no')}</Tag></Tooltip> : '—'),
                            },
                            ...(mayMediate ? [{
                              title: '', key: 'act', width: 110,
                              render: (_: unknown, r: TermView, i: number) => (r.kept === null && d.stage === 'agreed'
                                ? <Button size="small" onClick={() => setAction({ kind: 'followUp', index: i, term: r })} data-testid="term-follow-up">{t('mediation.action.followUp')}</Button>
                                : r.followedUpAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtDate(r.followedUpAt)}</Typography.Text> : null),
                            }] : []),
                          ]} />
                      </div>
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
      {action?.kind === 'walkIn' && <WalkInModal onClose={() => setAction(null)} onDone={(id) => { select(id); setTab('parties'); list.reload(); }} />}
      {d && action?.kind === 'party' && <PartyModal disputeId={d.disputeId} party={action.party} onClose={() => setAction(null)} onDone={after('parties')} />}
      {d && action?.kind === 'contact' && <ContactModal disputeId={d.disputeId} party={action.party} onClose={() => setAction(null)} />}
      {d && action?.kind === 'session' && <SessionModal disputeId={d.disputeId} parties={parties} consultation={action.consultation} onClose={() => setAction(null)} onDone={after('sessions')} />}
      {d && action?.kind === 'minutes' && <MinutesModal disputeId={d.disputeId} session={action.session} onClose={() => setAction(null)} onDone={after('sessions')} />}
      {d && action?.kind === 'consultation' && <ConsultationModal disputeId={d.disputeId} session={action.session} onClose={() => setAction(null)} onDone={after('sessions')} />}
      {d && action?.kind === 'agreement' && <AgreementModal disputeId={d.disputeId} parties={parties} onClose={() => setAction(null)} onDone={after('agreement')} />}
      {d && action?.kind === 'followUp' && <FollowUpModal disputeId={d.disputeId} termIndex={action.index} term={action.term} onClose={() => setAction(null)} onDone={after('agreement')} />}
      {d && action?.kind === 'failure' && <FailureModal disputeId={d.disputeId} level={d.level} onClose={() => setAction(null)} onDone={after()} />}
    </Row>
  );
}

/** The dispute's sessions with their minutes; ticks each second so a session shows "started" (and its minutes button) in time. */
function SessionList({ sessions, partyName, actionable, onRecord }: { sessions: SessionView[]; partyName(id: string): string; actionable: boolean; onRecord(session: SessionView): void }) {
  const { t, fmtTime } = useI18n();
  const now = useNow();
  return (
    <List size="small" data-testid="dispute-minutes" dataSource={sessions} locale={{ emptyText: t('common.none') }}
      renderItem={(s) => {
        const phase = sessionPhase(s, now);
        return (
          <List.Item data-testid="session-item" data-session={s.sessionId} data-status={s.status} data-phase={phase}
            actions={actionable && phase !== 'held' ? [
              <Button key="minutes" size="small" icon={<FileTextOutlined />} type={phase === 'started' ? 'primary' : 'default'} onClick={() => onRecord(s)} data-testid="session-record">
                {t(s.consultation ? 'mediation.action.recordConsultation' : 'mediation.action.recordMinutes')}
              </Button>,
            ] : []}>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{fmtTime(s.startsAt)} – {dayjs(s.endsAt).format('HH:mm')}</span>
                  <span>{s.place}</span>
                  {s.consultation && <Tag color="purple">{t('mediation.consultation')}</Tag>}
                  <Tag color={phase === 'held' ? 'green' : phase === 'started' ? 'gold' : 'blue'}>{t(phase === 'held' ? 'mediation.held' : `mediation.session.${phase}`)}</Tag>
                </Space>
              }
              description={
                <>
                  <div>{t('mediation.field.attendees')}: {s.attendeeIds.map(partyName).join('、')}</div>
                  {s.minutesSummary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, color: '#262626' }} data-testid="session-minutes">{s.minutesSummary}</Typography.Paragraph>}
                </>
              } />
          </List.Item>
        );
      }} />
  );
}
