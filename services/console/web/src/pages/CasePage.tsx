// 案件详情: the request, its SLA clocks and summonses, the timeline, photos, map, merged reports, and the
// commands the current state allows this user — refreshed on every update of this case.
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Image, List, Result, Row, Space, Spin, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api, ApiError, fetchBlobUrl } from '../api/client';
import { useCaseUpdates, usePolling } from '../api/live';
import { useUser } from '../api/session';
import { useI18n } from '../i18n';
import { CaseLink, SlaBadge, StageTag, useCategoryLabel, useOrg } from '../components/common';
import { CityMap } from '../components/map';
import { CommandModal, sayRefusal, sendCommand } from '../components/CommandModal';
import { availableCommands, CHANNEL_LABELS, type CaseCommandName as CommandName, departmentUnitId, readChannel } from '../lib/vocabulary';
import { actorLine, eventSentence, recomputedClockLines, type SentenceContext } from '../lib/timeline-sentences';
import { useAsync } from '../lib/use-async';

interface Clock {
  key: string;
  window: string;
  departmentId?: string;
  startedAt: string;
  paused: boolean;
  deadline: string | null;
  warningAt: string | null;
  status: string;
  provisional?: boolean;
}
interface Summons {
  summonsId: string;
  departmentId: string;
  n: number;
  status: string;
  summonedAt: string;
  refusal?: { reason: string; at: string };
  answer?: { plan: string; result: string; at: string };
  /** the department let a window run out and was 督办-ed */
  breached?: true;
  /** 撤回 by the street or 解除 by a supervisor */
  ending?: { reason: string; at: string; byRole: string };
  clock: Clock | null;
}
export interface CaseStatus {
  caseNumber: string;
  stage: string;
  level: string | null;
  currentUnit: string | null;
  streetId: string | null;
  communityId: string | null;
  gridId?: string | null;
  categoryCode: string | null;
  priority: string | null;
  clocks: Clock[];
  summonses: Summons[];
  suspension: { suspended: boolean; since: string | null; reason: string | null; resumeBy: string | null; count: number };
  pendingExtension: { extra: { basis: string; amount: number; unit: string }; reason: string; at: string } | null;
  supervisionNotices: number;
  reopenCount: number;
  masterCaseNumber: string | null;
  duplicateCaseNumbers: string[];
  closure: { at: string; reason: string } | null;
}
interface IntakeCase {
  caseNumber: string;
  channel: string;
  requestType: string;
  urgency: string;
  priority: string;
  categoryCode?: string;
  department?: string;
  content: string;
  address?: string;
  location?: { lng: number; lat: number };
  photos: string[];
  /** photos the reporter's app hosts (Open311 media_url from a host intake does not fetch from), opened as links */
  photoLinks?: string[];
  /** how intake placed it (routed, manual-queue, closed at intake); where it stands now is `stage` */
  intakeStatus: string;
  stage: string | null;
  manualQueueReason?: string;
  answeredDirectly?: { articleId: string; answer: string };
  routing?: { gridId: string; gridName: string; communityName: string; streetName: string };
  reporters: { channel: string; sourceRef: string; reportedAt: string }[];
  registeredAt: string;
}
interface TimelineEntry {
  eventId: string;
  sequence: number;
  type: string;
  at: string;
  actor: { userId: string; role: string; unitId?: string } | null;
  stage: string | null;
  level: string | null;
  unitId: string | null;
  sla: Clock | null;
  detail: Record<string, unknown>;
}

const optional = <T,>(p: Promise<T>): Promise<T | null> => p.catch((e: unknown) => (e instanceof ApiError && e.status < 500 ? null : Promise.reject(e instanceof Error ? e : new Error(String(e)))));

export function CasePage() {
  const { caseNumber = '' } = useParams();
  const { t, fmtTime, locale } = useI18n();
  const user = useUser();
  const org = useOrg();
  const { message } = App.useApp();
  const categoryLabel = useCategoryLabel();
  const [command, setCommand] = useState<CommandName | null>(null);
  const n = encodeURIComponent(caseNumber);
  const data = useAsync(
    async () => {
      const [status, intake, timeline] = await Promise.all([
        optional(api<CaseStatus>(`casework/cases/${n}/status`)),
        optional(api<IntakeCase>(`intake/cases/${n}`)),
        optional(api<{ entries: TimelineEntry[] }>(`casework/cases/${n}/timeline`)),
      ]);
      return { status, intake, timeline: timeline?.entries ?? [] };
    },
    [n],
  );
  useCaseUpdates(() => data.refresh(), caseNumber);
  usePolling(data.refresh, 10_000);
  const status = data.data?.status ?? null;
  const intake = data.data?.intake ?? null;
  const timeline = data.data?.timeline ?? [];
  const actions = status ? availableCommands(user, status) : [];

  const [photoUrls, setPhotoUrls] = useState<string[]>([]);
  const photoKey = intake?.photos?.join(',') ?? '';
  useEffect(() => {
    if (!photoKey) return setPhotoUrls([]);
    let live = true;
    const urls: string[] = [];
    void Promise.all(photoKey.split(',').map((id) => fetchBlobUrl(`intake/photos/${id}`).then((u) => urls.push(u)).catch(() => undefined))).then(() => live && setPhotoUrls(urls));
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [photoKey]);

  // the reader's own clock first: a liaison's department's report-in / answer clock, else the case's
  const mainClock = useMemo(
    () => status?.clocks.find((c) => !!c.departmentId && c.departmentId === user.unitId) ?? status?.clocks.find((c) => c.key === 'case') ?? status?.clocks[0] ?? null,
    [status, user.unitId],
  );

  const run = async (cmd: CommandName) => {
    if (cmd === 'accept' || cmd === 'reportIn' || cmd === 'resume') {
      try {
        await sendCommand(caseNumber, cmd, cmd === 'reportIn' ? { departmentId: user.unitId } : {});
        message.success(t('case.commandDone', { cmd: t(`cmd.${cmd}`) }));
        data.reload();
      } catch (e) {
        if (sayRefusal(e, (text) => void message.warning(text, 6), t)) data.reload();
        else message.error((e as Error).message, 6);
      }
      return;
    }
    setCommand(cmd);
  };

  if (data.loading && !data.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (data.error) return <Alert type="error" showIcon title={data.error.message} />;
  if (!status && !intake) return <Result status="404" title={t('case.notFound')} subTitle={caseNumber} />;

  const place = intake?.location ? { point: intake.location } : intake?.address ? { address: intake.address } : {};
  const sentences: SentenceContext = { locale, t, unitName: org.name, fmtTime };
  const channel = readChannel(intake?.channel ?? '');

  return (
    <div data-testid="case-page" data-case={caseNumber} data-stage={status?.stage ?? ''} data-level={status?.level ?? ''} data-unit={status?.currentUnit ?? ''}>
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        title={
          <Space wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('case.title', { n: caseNumber })}
            </Typography.Title>
            <StageTag stage={status?.stage} />
            {status?.level && <Tag data-testid="case-level">{t(`level.${status.level}`)}</Tag>}
            {mainClock && <span data-testid="case-sla-clock" data-window={mainClock.window} data-department={mainClock.departmentId ?? ''}><SlaBadge sla={mainClock} testId="case-sla" /></span>}
            {status?.currentUnit && <Tag color="geekblue" data-testid="case-unit">{org.name(status.currentUnit)}</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('case.liveRefresh')}</Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={data.reload} loading={data.loading} aria-label={t('common.refresh')} data-testid="case-refresh" />
          </Space>
        }
      >
        <Space wrap data-testid="case-actions" aria-label={t('case.actions')}>
          {actions.length === 0 && <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>}
          {actions.map((a) => (
            <Button key={a} data-testid={`case-action-${a}`} type={['accept', 'resolve', 'reportIn', 'answer', 'summonDepartments'].includes(a) ? 'primary' : 'default'}
              danger={['return', 'refuse'].includes(a)} onClick={() => void run(a)}>
              {t(`cmd.${a}`)}
            </Button>
          ))}
        </Space>
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          {(status?.summonses.length ?? 0) > 0 && (
            <Card size="small" title={`${t('case.summonses')} (${status?.summonses.length ?? 0})`} style={{ marginBottom: 12 }}>
              <Table<Summons> size="small" rowKey="summonsId" pagination={false} dataSource={status?.summonses ?? []} data-testid="case-summonses"
                      columns={[
                        { title: t('form.department'), dataIndex: 'departmentId', render: (d: string) => org.name(d) },
                        {
                          title: t('case.stage'), key: 'status', render: (_, s) => (
                            <>
                              <Tag data-testid="summons-status" data-status={s.status}>{t(`summons.${s.status}`)}</Tag>
                              {s.breached && <Tag color="error" data-testid="summons-breached">{t('summons.breached')}</Tag>}
                            </>
                          ),
                        },
                        { title: t('worklist.sla'), key: 'clock', render: (_, s) => (s.clock ? <SlaBadge sla={s.clock} compact /> : '—') },
                        { title: `${t('case.plan')} / ${t('case.result')}`, key: 'answer', render: (_, s) => (s.answer ? `${s.answer.plan} / ${s.answer.result}` : s.ending ? `${t(`summons.${s.status}`)}: ${s.ending.reason}` : s.refusal ? `${t('cmd.refuse')}: ${s.refusal.reason}` : '—') },
                      ]} />
            </Card>
          )}
          <Card size="small" title={t('case.content')} style={{ marginBottom: 12 }}>
            {intake ? (
              <>
                <Typography.Paragraph data-testid="case-content" style={{ whiteSpace: 'pre-wrap' }}>{intake.content}</Typography.Paragraph>
                <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
                  <Descriptions.Item label={t('case.category')}>{categoryLabel(intake.categoryCode)}</Descriptions.Item>
                  <Descriptions.Item label={t('case.requestType')}>{t(`requestType.${intake.requestType}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('case.priority')}>{t(`urgency.${intake.priority ?? intake.urgency}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('case.channel')}>{channel ? CHANNEL_LABELS[channel][locale === 'en' ? 'en' : 'zh'] : intake.channel}</Descriptions.Item>
                  <Descriptions.Item label={t('case.registeredAt')}>{fmtTime(intake.registeredAt)}</Descriptions.Item>
                  <Descriptions.Item label={t('case.department')}>{intake.department ? org.name(departmentUnitId(intake.department)) : '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('case.address')} span={2}>{intake.address ?? (intake.location ? `${intake.location.lng}, ${intake.location.lat}` : '—')}</Descriptions.Item>
                  <Descriptions.Item label={t('case.routing')} span={2}>
                    {intake.routing ? `${intake.routing.streetName} › ${intake.routing.communityName} › ${intake.routing.gridName}` : intake.manualQueueReason ? t(`routing.reason.${intake.manualQueueReason}`) : '—'}
                  </Descriptions.Item>
                  {intake.answeredDirectly && <Descriptions.Item label={t('call.directAnswer')} span={2}>{intake.answeredDirectly.answer}</Descriptions.Item>}
                </Descriptions>
              </>
            ) : (
              <Typography.Text type="secondary">{categoryLabel(status?.categoryCode)}</Typography.Text>
            )}
          </Card>
          <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              items={[
                {
                  key: 'clocks',
                  label: t('case.clocks'),
                  children: (
                    <Table<Clock> size="small" rowKey="key" pagination={false} dataSource={status?.clocks ?? []} data-testid="case-clocks"
                      columns={[
                        { title: t('case.clock.left'), key: 'badge', render: (_, c) => <SlaBadge sla={c} /> },
                        { title: t('case.clock.window'), dataIndex: 'window', render: (w: string, c) => `${t(`window.${w}`)}${c.departmentId ? ` · ${org.name(c.departmentId)}` : ''}` },
                        { title: t('worklist.deadline'), dataIndex: 'deadline', render: (d: string | null) => fmtTime(d) },
                      ]} />
                  ),
                },
                {
                  key: 'photos',
                  label: `${t('case.photos')} (${(intake?.photos?.length ?? 0) + (intake?.photoLinks?.length ?? 0)})`,
                  children: photoUrls.length || intake?.photoLinks?.length ? (
                    <>
                      <Image.PreviewGroup>
                        <Space wrap data-testid="case-photos">
                          {photoUrls.map((u, i) => <Image key={u} src={u} width={120} height={90} style={{ objectFit: 'cover' }} alt={`${t('case.photos')} ${i + 1}`} />)}
                        </Space>
                      </Image.PreviewGroup>
                      {intake?.photoLinks?.map((link) => (
                        <p key={link} data-testid="case-photo-link">
                          {t('case.photoLink')}: <a href={link} target="_blank" rel="noopener noreferrer nofollow">{link}</a>
                        </p>
                      ))}
                    </>
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noPhotos')} />
                  ),
                },
                {
                  key: 'duplicates',
                  label: `${t('case.duplicates')} (${(status?.duplicateCaseNumbers.length ?? 0) + (status?.masterCaseNumber ? 1 : 0)})`,
                  children: (
                    <div data-testid="case-duplicates">
                      {status?.masterCaseNumber && (
                        <p>{t('case.master')}: <CaseLink caseNumber={status.masterCaseNumber} /></p>
                      )}
                      <List size="small" header={t('case.duplicates')} dataSource={status?.duplicateCaseNumbers ?? []} locale={{ emptyText: t('common.none') }} renderItem={(d) => <List.Item><CaseLink caseNumber={d} /></List.Item>} />
                      <List size="small" header={t('case.reporters')} dataSource={intake?.reporters ?? []} locale={{ emptyText: t('common.none') }}
                        renderItem={(r) => <List.Item>{r.channel} · {fmtTime(r.reportedAt)}</List.Item>} />
                    </div>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('case.map')}>
            <CityMap height={260} marker={intake?.location ?? null} testId="case-map" ariaLabel={t('case.map')}
              highlight={[intake?.routing?.gridId ?? status?.gridId ?? ''].filter(Boolean)}
              focus={intake?.location ? { point: intake.location } : { unitId: intake?.routing?.gridId ?? status?.gridId ?? status?.communityId ?? null }} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('case.timeline')} style={{ marginBottom: 12 }}>
            {status && (
              <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
                <Descriptions.Item label={t('case.notices')}>{status.supervisionNotices}</Descriptions.Item>
                <Descriptions.Item label={t('case.reopens')}>{status.reopenCount}</Descriptions.Item>
                {status.suspension.suspended && <Descriptions.Item label={t('case.suspension')} span={2}>{status.suspension.reason} · {fmtTime(status.suspension.since)}</Descriptions.Item>}
                {status.pendingExtension && (
                  <Descriptions.Item label={t('case.extension')} span={2}>
                    <span data-testid="case-pending-extension">+{status.pendingExtension.extra.amount} {t(`form.unit.${status.pendingExtension.extra.unit}`)} ({t(`form.basis.${status.pendingExtension.extra.basis}`)}) · {status.pendingExtension.reason}</span>
                  </Descriptions.Item>
                )}
              </Descriptions>
            )}
            <div style={{ maxHeight: 560, overflow: 'auto', paddingTop: 8 }} data-testid="case-timeline">
              {timeline.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Timeline
                  items={[...timeline].reverse().map((e) => ({
                    key: e.eventId,
                    color: e.type.includes('breach') ? 'red' : e.type.includes('warning') ? 'orange' : e.type.includes('resolved') || e.type.includes('closed') ? 'green' : 'blue',
                    content: (
                      <div data-testid="timeline-entry" data-type={e.type}>
                        <Space size={4} wrap>
                          <Typography.Text strong>{t(`event.${e.type}`)}</Typography.Text>
                          {e.level && <Tag>{t(`level.${e.level}`)}</Tag>}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtTime(e.at)}</Typography.Text>
                        </Space>
                        <div data-testid="timeline-sentence">{eventSentence(e, sentences)}</div>
                        <div style={{ fontSize: 12, color: '#434343' }} title={e.actor?.userId}>{actorLine(e, sentences)}</div>
                        {recomputedClockLines(e, sentences).map((line) => (
                          <div key={line} style={{ fontSize: 12, color: '#434343' }}>{line}</div>
                        ))}
                      </div>
                    ),
                  }))}
                />
              )}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>{t('case.newestFirst')}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <CommandModal
        command={command}
        context={{ caseNumber, summonses: status?.summonses ?? [], place }}
        onClose={() => setCommand(null)}
        onDone={() => {
          setCommand(null);
          data.reload();
        }}
      />
    </div>
  );
}
