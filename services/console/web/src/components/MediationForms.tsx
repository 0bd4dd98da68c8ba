// The mediator's forms, one modal per action of services/mediation (api/v1/mediation/…, reached as
// /api/mediation/mediation/…): walk-in dispute, party add/edit, audited contact read, session or 3+X consultation,
// minutes, 3+X record, agreement, term follow-up, failure. The service's refusals are shown where they belong:
// 400 field errors next to their fields, 409 reasons (and what has no field) as an alert in the modal.
import { type ReactNode, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, type FormInstance, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api/client';
import { useI18n } from '../i18n';
import { CONSULTATION_SIDES, DISPUTE_TYPES, explainError, type FieldPath, GUIDANCE, PARTY_ROLES, partyEdit } from '../lib/mediation';
import { submitOnCtrlEnter } from '../lib/ctrl-enter';

export interface PartyView {
  partyId: string;
  role: string;
  name: string;
  phoneMasked?: string | null;
  idNumberMasked?: string | null;
  address?: string | null;
  userId?: string | null;
}

export interface SessionView {
  sessionId: string;
  startsAt: string;
  endsAt: string;
  place: string;
  attendeeIds: string[];
  consultation: boolean;
  status: string;
  minutesSummary: string | null;
}

export interface TermView {
  party: string;
  partyId?: string | null;
  obligation: string;
  dueAt: string;
  kept: boolean | null;
  followedUpAt?: string | null;
  note?: string | null;
}

/** The base of the dispute's routes through the gateway. */
export const disputePath = (disputeId: string, rest = '') => `mediation/mediation/disputes/${encodeURIComponent(disputeId)}${rest}`;

const DATE_TIME = 'YYYY-MM-DD HH:mm';
const DATE = 'YYYY-MM-DD';
const beforeToday = (d: Dayjs) => d.isBefore(dayjs().startOf('day'));

/** Which server field paths this form shows next to a field: exact names, `*` for a list index. */
function knownPaths(patterns: string[]): (path: FieldPath) => boolean {
  return (path) => {
    const parts = path.map(String);
    return patterns.some((p) => {
      const want = p.split('.');
      return want.length === parts.length && want.every((w, i) => w === parts[i] || (w === '*' && /^\d+$/.test(parts[i])));
    });
  };
}

interface ActionModalProps<V> {
  title: string;
  /** form name (field ids: `<name>_<field>`) and test id of the modal */
  name: string;
  /** the server field paths shown next to fields */
  fields: string[];
  initialValues?: Partial<V>;
  width?: number;
  okText?: string;
  onSubmit(values: V): Promise<unknown>;
  onClose(): void;
  /** after a success: the result of onSubmit; return false to keep the modal open (e.g. to show what came back) */
  onDone(result: unknown): void | false;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  footerNote?: ReactNode;
}

/** One modal form: Enter/Ctrl+Enter submits, Esc cancels, the service's refusal shown in place. */
export function ActionModal<V extends object>({ title, name, fields, initialValues, width, okText, onSubmit, onClose, onDone, children, footerNote }: ActionModalProps<V>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [alert, setAlert] = useState<{ text: string; code: string | null; status: number | null }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setAlert(undefined);
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const result = await onSubmit(values);
      message.success(t('mediation.actionDone', { action: title }));
      if (onDone(result) !== false) onClose();
    } catch (e) {
      const explained = explainError(e, locale, knownPaths(fields));
      if (explained.fields.length) form.setFields(explained.fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      if (explained.alert) setAlert({ text: explained.alert, code: explained.code, status: explained.status });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'mediation-submit' }}
      destroyOnHidden
      data-testid={`mediation-modal-${name}`}
    >
      <Form<V>
        form={form}
        layout="vertical"
        name={name}
        initialValues={initialValues}
        onFinish={() => void submit()}
        onKeyDown={submitOnCtrlEnter(() => void submit())}
      >
        {typeof children === 'function' ? children(form) : children}
        {/* Enter in a single-line input submits the form */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
      {footerNote}
      {alert && (
        <Alert type="error" showIcon role="alert" title={t('mediation.refused')} description={alert.text}
          data-testid="mediation-refusal" data-code={alert.code ?? ''} data-status={alert.status ?? ''} style={{ marginTop: 8 }} />
      )}
    </Modal>
  );
}

const required = (label: string) => [{ required: true, whitespace: true, message: label }];
const iso = (d: Dayjs | null | undefined) => (d ? d.toISOString() : undefined);

// --- 来访登记 -------------------------------------------------------------------------------------------------
interface WalkInValues {
  disputeType: string;
  summary: string;
  amountAtStakeCny?: number | null;
  caseNumber?: string;
}

export function WalkInModal({ onClose, onDone }: { onClose(): void; onDone(disputeId: string): void }) {
  const { t } = useI18n();
  return (
    <ActionModal<WalkInValues>
      title={t('mediation.action.openWalkIn')}
      name="walkin"
      fields={['disputeType', 'summary', 'amountAtStakeCny', 'caseNumber']}
      initialValues={{ disputeType: 'neighbour' }}
      onClose={onClose}
      onSubmit={(v) => api<{ disputeId: string }>('mediation/mediation/disputes', {
        body: { disputeType: v.disputeType, summary: v.summary, ...(v.amountAtStakeCny != null ? { amountAtStakeCny: v.amountAtStakeCny } : {}), ...(v.caseNumber?.trim() ? { caseNumber: v.caseNumber.trim() } : {}) },
      })}
      onDone={(r) => onDone((r as { disputeId: string }).disputeId)}
    >
      <Form.Item name="disputeType" label={t('mediation.field.disputeType')} rules={[{ required: true }]}>
        <Select options={DISPUTE_TYPES.map((d) => ({ value: d, label: t(`mediation.type.${d}`) }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('mediation.field.summary')} rules={required(t('mediation.field.summary'))}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} autoFocus />
      </Form.Item>
      <Space wrap>
        <Form.Item name="amountAtStakeCny" label={t('mediation.field.amount')}>
          <InputNumber min={0} max={1e10} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="caseNumber" label={t('mediation.field.caseNumber')} rules={[{ pattern: /^\d{8}-\d{6}$/, message: 'YYYYMMDD-NNNNNN' }]}>
          <Input placeholder="20260504-000123" style={{ width: 200 }} />
        </Form.Item>
      </Space>
    </ActionModal>
  );
}

// --- 当事人 ---------------------------------------------------------------------------------------------------
interface PartyValues {
  role: string;
  name: string;
  phone?: string;
  idNumber?: string;
  address?: string;
}

const PHONE = /^\+?\d[\d\s-]{5,19}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;

export function PartyModal({ disputeId, party, onClose, onDone }: { disputeId: string; party: PartyView | null; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const editing = !!party;
  return (
    <ActionModal<PartyValues>
      title={editing ? `${t('mediation.action.editParty')} · ${party.name}` : t('mediation.action.addParty')}
      name="party"
      fields={['role', 'name', 'phone', 'idNumber', 'address']}
      initialValues={editing ? { role: party.role, name: party.name, address: party.address ?? undefined } : { role: 'applicant' }}
      onClose={onClose}
      onSubmit={(v) => {
        if (editing) {
          const changes = partyEdit({ role: party.role, name: party.name, address: party.address ?? null }, v);
          if (Object.keys(changes).length === 0) return Promise.resolve(party);
          return api(disputePath(disputeId, `/parties/${encodeURIComponent(party.partyId)}`), { method: 'PATCH', body: changes });
        }
        const body = Object.fromEntries((Object.entries(v) as [string, string | undefined][]).map(([k, x]) => [k, x?.trim()] as const).filter(([, x]) => !!x));
        return api(disputePath(disputeId, '/parties'), { body });
      }}
      onDone={() => onDone()}
    >
      <Form.Item name="role" label={t('mediation.field.role')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={PARTY_ROLES.map((r) => ({ value: r, label: t(`mediation.role.${r}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('mediation.field.name')} rules={required(t('mediation.field.name'))}>
        <Input maxLength={100} autoFocus autoComplete="off" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="phone" label={t('mediation.field.phone')} rules={[{ pattern: PHONE, message: t('mediation.rule.phone') }]}
          extra={editing && party.phoneMasked ? t('mediation.field.keepContact', { value: party.phoneMasked }) : undefined}>
          <Input inputMode="tel" autoComplete="off" placeholder={editing ? party.phoneMasked ?? '' : '13812345678'} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('mediation.field.idNumber')} rules={[{ pattern: ID_NUMBER, message: t('mediation.rule.idNumber') }]}
          extra={editing && party.idNumberMasked ? t('mediation.field.keepContact', { value: party.idNumberMasked }) : undefined}>
          <Input autoComplete="off" placeholder={editing ? party.idNumberMasked ?? '' : ''} style={{ width: 240 }} />
        </Form.Item>
      </Space>
      <Form.Item name="address" label={t('mediation.field.address')}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
    </ActionModal>
  );
}

// --- 查看完整联系方式 (audited) ---------------------------------------------------------------------------------
export function ContactModal({ disputeId, party, onClose }: { disputeId: string; party: PartyView; onClose(): void }) {
  const { t, fmtTime } = useI18n();
  const [shown, setShown] = useState<{ value: string; readAt: string; kind: string }>();
  const kinds = [...(party.phoneMasked ? ['phone'] : []), ...(party.idNumberMasked ? ['idNumber'] : [])];
  return (
    <ActionModal<{ kind: string; reason: string }>
      title={`${t('mediation.action.revealContact')} · ${party.name}`}
      name="contact"
      fields={['kind', 'reason']}
      initialValues={{ kind: kinds[0] ?? 'phone' }}
      onClose={onClose}
      onSubmit={(v) => api<{ value: string; readAt: string }>(disputePath(disputeId, `/parties/${encodeURIComponent(party.partyId)}/contact`), { query: { kind: v.kind, reason: v.reason.trim() } })
        .then((r) => ({ ...r, kind: v.kind }))}
      onDone={(r) => {
        setShown(r as { value: string; readAt: string; kind: string });
        return false;
      }}
      footerNote={shown && (
        <Alert type="info" showIcon data-testid="contact-value" title={<Space><span>{t(`mediation.field.${shown.kind}`)}:</span><Typography.Text copyable strong>{shown.value}</Typography.Text></Space>}
          description={`${t('mediation.contact.recorded')} · ${fmtTime(shown.readAt)}`} />
      )}
    >
      <Typography.Paragraph type="secondary">{t('mediation.contact.hint')}</Typography.Paragraph>
      <Form.Item name="kind" label={t('mediation.field.contactKind')} rules={[{ required: true }]}>
        <Radio.Group options={kinds.map((k) => ({ value: k, label: `${t(`mediation.field.${k}`)} ${k === 'phone' ? party.phoneMasked : party.idNumberMasked}` }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('mediation.field.readReason')} rules={[...required(t('mediation.field.readReason')), { min: 2, message: t('mediation.rule.readReason') }]}>
        <Input maxLength={200} autoFocus placeholder={t('mediation.field.readReason.placeholder')} />
      </Form.Item>
    </ActionModal>
  );
}

// --- 安排调解 / "3+X" 协商 -------------------------------------------------------------------------------------
interface SessionValues {
  startsAt: Dayjs;
  endsAt: Dayjs;
  place: string;
  attendeeIds: string[];
}

export function SessionModal({ disputeId, parties, consultation, onClose, onDone }: { disputeId: string; parties: PartyView[]; consultation: boolean; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const start = dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
  return (
    <ActionModal<SessionValues>
      title={t(consultation ? 'mediation.action.scheduleConsultation' : 'mediation.action.schedule')}
      name="session"
      fields={['startsAt', 'endsAt', 'place', 'attendeeIds']}
      initialValues={{ startsAt: start, endsAt: start.add(1, 'hour'), attendeeIds: parties.map((p) => p.partyId) }}
      onClose={onClose}
      onSubmit={(v) => api(disputePath(disputeId, '/sessions'), {
        body: { startsAt: iso(v.startsAt), endsAt: iso(v.endsAt), place: v.place.trim(), attendeeIds: v.attendeeIds.map((a) => a.trim()).filter(Boolean), consultation },
      })}
      onDone={() => onDone()}
    >
      {(form) => (
        <>
          <Space wrap align="start">
            <Form.Item name="startsAt" label={t('mediation.field.startsAt')} rules={[{ required: true, message: t('mediation.field.startsAt') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} needConfirm={false} disabledDate={beforeToday} autoFocus style={{ width: 200 }}
                onChange={(v: Dayjs | null) => {
                  const end = form.getFieldValue('endsAt') as Dayjs | undefined;
                  if (v && (!end || !end.isAfter(v) || end.diff(v, 'hour', true) > 12)) form.setFieldValue('endsAt', v.add(1, 'hour'));
                }} />
            </Form.Item>
            <Form.Item name="endsAt" label={t('mediation.field.endsAt')} dependencies={['startsAt']}
              rules={[{ required: true, message: t('mediation.field.endsAt') }, ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | undefined) => {
                  const from = getFieldValue('startsAt') as Dayjs | undefined;
                  return !v || !from || v.isAfter(from) ? Promise.resolve() : Promise.reject(new Error(t('mediation.rule.endsAfterStart')));
                },
              })]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} needConfirm={false} disabledDate={beforeToday} style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item name="place" label={t('mediation.place')} rules={required(t('mediation.place'))}>
            <Input maxLength={200} placeholder={t('mediation.place.placeholder')} />
          </Form.Item>
          <Form.Item name="attendeeIds" label={t('mediation.field.attendees')} extra={t('mediation.field.attendees.hint')} rules={[{ required: true, type: 'array', min: 1, message: t('mediation.field.attendees') }]}>
            <Select mode="tags" tokenSeparators={[',', '，']} options={parties.map((p) => ({ value: p.partyId, label: `${p.name} · ${t(`mediation.role.${p.role}`)}` }))} />
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}

// --- 调解笔录 ---------------------------------------------------------------------------------------------------
export function MinutesModal({ disputeId, session, onClose, onDone }: { disputeId: string; session: SessionView; onClose(): void; onDone(): void }) {
  const { t, fmtTime } = useI18n();
  return (
    <ActionModal<{ minutesSummary: string }>
      title={`${t('mediation.action.recordMinutes')} · ${fmtTime(session.startsAt)} ${session.place}`}
      name="minutes"
      fields={['minutesSummary']}
      onClose={onClose}
      onSubmit={(v) => api(disputePath(disputeId, `/sessions/${encodeURIComponent(session.sessionId)}/minutes`), { body: { minutesSummary: v.minutesSummary.trim() } })}
      onDone={() => onDone()}
    >
      <Form.Item name="minutesSummary" label={t('mediation.field.minutes')} rules={required(t('mediation.field.minutes'))}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount autoFocus />
      </Form.Item>
    </ActionModal>
  );
}

// --- "3+X" 四方共议记录 ------------------------------------------------------------------------------------------
interface ConsultationValues {
  minutesSummary: string;
  participants: { side: string; name: string; organisation?: string }[];
  commitments: { side: string; by: string; commitment: string; dueAt?: Dayjs | null }[];
}

export function ConsultationModal({ disputeId, session, onClose, onDone }: { disputeId: string; session: SessionView; onClose(): void; onDone(): void }) {
  const { t, fmtTime } = useI18n();
  const sides = CONSULTATION_SIDES.map((s) => ({ value: s, label: t(`mediation.side.${s}`) }));
  return (
    <ActionModal<ConsultationValues>
      title={`${t('mediation.action.recordConsultation')} · ${fmtTime(session.startsAt)} ${session.place}`}
      name="consultation"
      width={760}
      fields={['minutesSummary', 'participants.*.side', 'participants.*.name', 'participants.*.organisation', 'commitments.*.side', 'commitments.*.by', 'commitments.*.commitment', 'commitments.*.dueAt']}
      initialValues={{
        participants: ['party-organisation', 'residents-committee', 'property-company', 'owners-committee'].map((side) => ({ side, name: '' })),
        commitments: [{ side: 'property-company', by: '', commitment: '' }],
      }}
      onClose={onClose}
      onSubmit={(v) => api(disputePath(disputeId, `/sessions/${encodeURIComponent(session.sessionId)}/consultation`), {
        body: {
          minutesSummary: v.minutesSummary.trim(),
          participants: v.participants.map((p) => ({ side: p.side, name: p.name.trim(), ...(p.organisation?.trim() ? { organisation: p.organisation.trim() } : {}) })),
          commitments: v.commitments.map((c) => ({ side: c.side, by: c.by.trim(), commitment: c.commitment.trim(), ...(c.dueAt ? { dueAt: c.dueAt.endOf('day').toISOString() } : {}) })),
        },
      })}
      onDone={() => onDone()}
    >
      <Form.Item name="minutesSummary" label={t('mediation.field.minutes')} rules={required(t('mediation.field.minutes'))}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={3000} autoFocus />
      </Form.Item>
      <Form.List name="participants" rules={[{
        validator: async (_, rows?: { side: string }[]) => {
          if (!rows?.length) throw new Error(t('mediation.rule.oneRow'));
          if (!rows.some((r) => r.side === 'party-organisation')) throw new Error(t('mediation.rule.partyOrganisation'));
        },
      }]}>
        {(rows, { add, remove }, { errors }) => (
          <fieldset className="form-fieldset">
            <legend>{t('mediation.field.participants')}</legend>
            {rows.map(({ key, name }) => (
              <Space key={key} align="start" wrap>
                <Form.Item name={[name, 'side']} rules={[{ required: true }]} aria-label={t('mediation.field.side')}>
                  <Select options={sides} style={{ width: 170 }} aria-label={t('mediation.field.side')} />
                </Form.Item>
                <Form.Item name={[name, 'name']} rules={required(t('mediation.field.name'))}>
                  <Input placeholder={t('mediation.field.name')} aria-label={t('mediation.field.name')} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[name, 'organisation']}>
                  <Input placeholder={t('mediation.field.organisation')} aria-label={t('mediation.field.organisation')} style={{ width: 180 }} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('mediation.removeRow')} onClick={() => remove(name)} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ side: 'other', name: '' })}>{t('mediation.addRow')}</Button>
          </fieldset>
        )}
      </Form.List>
      <Form.List name="commitments" rules={[{ validator: async (_, rows?: unknown[]) => { if (!rows?.length) throw new Error(t('mediation.rule.oneRow')); } }]}>
        {(rows, { add, remove }, { errors }) => (
          <fieldset className="form-fieldset">
            <legend>{t('mediation.field.commitments')}</legend>
            {rows.map(({ key, name }) => (
              <Space key={key} align="start" wrap>
                <Form.Item name={[name, 'side']} rules={[{ required: true }]}>
                  <Select options={sides} style={{ width: 150 }} aria-label={t('mediation.field.side')} />
                </Form.Item>
                <Form.Item name={[name, 'by']} rules={required(t('mediation.field.by'))}>
                  <Input placeholder={t('mediation.field.by')} aria-label={t('mediation.field.by')} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[name, 'commitment']} rules={required(t('mediation.field.commitment'))}>
                  <Input placeholder={t('mediation.field.commitment')} aria-label={t('mediation.field.commitment')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[name, 'dueAt']}>
                  <DatePicker format={DATE} disabledDate={beforeToday} placeholder={t('mediation.field.dueAt')} aria-label={t('mediation.field.dueAt')} style={{ width: 140 }} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('mediation.removeRow')} onClick={() => remove(name)} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ side: 'other', by: '', commitment: '' })}>{t('mediation.addRow')}</Button>
          </fieldset>
        )}
      </Form.List>
    </ActionModal>
  );
}

// --- 达成调解协议 -------------------------------------------------------------------------------------------------
interface AgreementValues {
  terms: { partyId: string; obligation: string; dueAt: Dayjs }[];
}

export function AgreementModal({ disputeId, parties, onClose, onDone }: { disputeId: string; parties: PartyView[]; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const defaultParty = (parties.find((p) => p.role === 'respondent') ?? parties[0])?.partyId;
  return (
    <ActionModal<AgreementValues>
      title={t('mediation.action.agreement')}
      name="agreement"
      width={760}
      fields={['terms.*.partyId', 'terms.*.obligation', 'terms.*.dueAt']}
      initialValues={{ terms: [{ partyId: defaultParty ?? '', obligation: '', dueAt: dayjs().add(7, 'day') }] }}
      onClose={onClose}
      // a term is due by the end of its day
      onSubmit={(v) => api(disputePath(disputeId, '/agreement'), { body: { terms: (v.terms ?? []).map((term) => ({ partyId: term.partyId, obligation: term.obligation.trim(), dueAt: term.dueAt.endOf('day').toISOString() })) } })}
      onDone={() => onDone()}
    >
      <Form.List name="terms" rules={[{ validator: async (_, rows?: unknown[]) => { if (!rows?.length) throw new Error(t('mediation.rule.terms')); } }]}>
        {(rows, { add, remove }, { errors }) => (
          <fieldset className="form-fieldset">
            <legend>{t('mediation.terms')}</legend>
            {rows.map(({ key, name }, i) => (
              <Space key={key} align="start" wrap data-testid="agreement-term-row">
                <Typography.Text type="secondary" style={{ lineHeight: '32px', minWidth: 48 }}>{t('mediation.term', { n: i + 1 })}</Typography.Text>
                <Form.Item name={[name, 'partyId']} rules={[{ required: true, message: t('mediation.field.party') }]}>
                  <Select style={{ width: 170 }} aria-label={t('mediation.field.party')} placeholder={t('mediation.field.party')} data-testid="agreement-term-party"
                    options={parties.map((p) => ({ value: p.partyId, label: `${p.name} · ${t(`mediation.role.${p.role}`)}` }))} />
                </Form.Item>
                <Form.Item name={[name, 'obligation']} rules={required(t('mediation.field.obligation'))}>
                  <Input style={{ width: 260 }} maxLength={500} aria-label={t('mediation.field.obligation')} placeholder={t('mediation.field.obligation')} data-testid="agreement-term-obligation" autoFocus={i === 0} />
                </Form.Item>
                <Form.Item name={[name, 'dueAt']} rules={[{ required: true, message: t('mediation.field.dueAt') }]}>
                  <DatePicker format={DATE} disabledDate={beforeToday} needConfirm={false} aria-label={t('mediation.field.dueAt')} placeholder={t('mediation.field.dueAt')} style={{ width: 140 }} data-testid="agreement-term-due" />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('mediation.removeRow')} onClick={() => remove(name)} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ partyId: defaultParty ?? '', obligation: '', dueAt: dayjs().add(7, 'day') })} data-testid="agreement-add-term">{t('mediation.addRow')}</Button>
          </fieldset>
        )}
      </Form.List>
    </ActionModal>
  );
}

// --- 协议回访 ----------------------------------------------------------------------------------------------------
export function FollowUpModal({ disputeId, termIndex, term, onClose, onDone }: { disputeId: string; termIndex: number; term: TermView; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  return (
    <ActionModal<{ kept: 'yes' | 'no'; note?: string }>
      title={`${t('mediation.action.followUp')} · ${t('mediation.term', { n: termIndex + 1 })}`}
      name="followup"
      fields={['kept', 'note']}
      initialValues={{ kept: 'yes' }}
      onClose={onClose}
      onSubmit={(v) => api(disputePath(disputeId, `/agreement/terms/${termIndex}/follow-up`), { body: { kept: v.kept === 'yes', ...(v.note?.trim() ? { note: v.note.trim() } : {}) } })}
      onDone={() => onDone()}
    >
      <Typography.Paragraph>
        <b>{term.party}</b>：{term.obligation}
      </Typography.Paragraph>
      <Form.Item name="kept" label={t('mediation.field.kept')} rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'yes', label: t('mediation.field.kept.yes') }, { value: 'no', label: t('mediation.field.kept.no') }]} />
      </Form.Item>
      <Form.Item name="note" label={t('common.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}

// --- 调解不成 -----------------------------------------------------------------------------------------------------
export function FailureModal({ disputeId, level, onClose, onDone }: { disputeId: string; level: string | undefined; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const atStreet = level === 'street';
  return (
    <ActionModal<{ reason: string; guidance?: string }>
      title={t('mediation.action.failure')}
      name="failure"
      fields={['reason', 'guidance']}
      initialValues={atStreet ? { guidance: 'judicial-confirmation' } : {}}
      onClose={onClose}
      onSubmit={(v) => api(disputePath(disputeId, '/failure'), { body: { reason: v.reason.trim(), ...(atStreet && v.guidance ? { guidance: v.guidance } : {}) } })}
      onDone={() => onDone()}
    >
      {!atStreet && <Alert type="info" showIcon title={t('mediation.field.failure.community')} style={{ marginBottom: 12 }} />}
      <Form.Item name="reason" label={t('mediation.field.failureReason')} rules={required(t('mediation.field.failureReason'))}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} autoFocus />
      </Form.Item>
      {atStreet && (
        <Form.Item name="guidance" label={t('mediation.field.guidance')} rules={[{ required: true, message: t('mediation.field.guidance') }]}>
          <Radio.Group options={GUIDANCE.map((g) => ({ value: g, label: t(`mediation.guidance.${g}`) }))} />
        </Form.Item>
      )}
    </ActionModal>
  );
}
