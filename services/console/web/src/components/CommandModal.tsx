// One modal per case command: the form its argument needs (workflows/src/case/case.contract.ts), sent as
// POST /api/casework/cases/:n/commands/:command; the domain's refusal (409) is shown as it says it.
import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { api, ApiError, newRequestId } from '../api/client';
import { useUser } from '../api/session';
import { useI18n } from '../i18n';
import type { CaseCommandName as CommandName } from '../lib/vocabulary';
import { useOrg } from './common';
import { type Route, RoutePicker } from './RoutePicker';
import { submitOnCtrlEnter } from '../lib/ctrl-enter';

export interface CommandContext {
  caseNumber: string;
  summonses: { departmentId: string; status: string; breached?: boolean }[];
  place: { point?: { lng: number; lat: number }; address?: string };
}

const NO_FORM: CommandName[] = ['accept', 'reportIn', 'resume'];

export async function sendCommand(caseNumber: string, command: CommandName, body: Record<string, unknown>): Promise<unknown> {
  return api(`casework/cases/${encodeURIComponent(caseNumber)}/commands/${command}`, { body, headers: { 'x-request-id': newRequestId() } });
}

/**
 * A case's refusal (409: the state moved, or the rules forbid it) is said once, as a toast saying the page now shows
 * the current state, and the form closes so the page can reload; a bad field (400) stays in the form to be fixed.
 */
export function sayRefusal(error: unknown, say: (text: string) => void, t: (key: string, params?: Record<string, string>) => string): boolean {
  if (!(error instanceof ApiError) || error.kind !== 'refused') return false;
  say(t('app.refused.reloaded', { reason: error.message }));
  return true;
}

export function CommandModal({ command, context, onClose, onDone }: { command: CommandName | null; context: CommandContext; onClose(): void; onDone(command: CommandName): void }) {
  const { t } = useI18n();
  const user = useUser();
  const org = useOrg();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [route, setRoute] = useState<Route | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!command) return null;

  const submit = async () => {
    setError(undefined);
    let values: Record<string, unknown> = {};
    if (!NO_FORM.includes(command)) {
      try {
        values = (await form.validateFields()) as Record<string, unknown>;
      } catch {
        return;
      }
    }
    let body: Record<string, unknown>;
    switch (command) {
      case 'reportIn':
        body = { departmentId: user.unitId };
        break;
      case 'refuse':
      case 'answer':
        body = { departmentId: user.unitId, ...values };
        break;
      case 'requestExtension':
        body = { extra: { basis: values.basis, amount: values.amount, unit: values.unit }, reason: values.reason };
        break;
      case 'decideExtension':
        body = { approved: values.approved === 'yes', ...(values.note ? { note: values.note } : {}) };
        break;
      case 'dispatch':
      case 'redispatch':
        if (!route) {
          setError(t('dispatch.noSuggestion'));
          return;
        }
        body = { route };
        break;
      default:
        body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    }
    setBusy(true);
    try {
      await sendCommand(context.caseNumber, command, body);
      message.success(t('case.commandDone', { cmd: t(`cmd.${command}`) }));
      form.resetFields();
      setRoute(null);
      onDone(command);
    } catch (e) {
      if (sayRefusal(e, (text) => void message.warning(text, 6), t)) {
        form.resetFields();
        setRoute(null);
        onDone(command);
      } else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: string, label: string, required = true, rows = 3) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, message: label }] : []}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 8 }} data-testid={`cmd-${name}`} autoFocus={required} />
    </Form.Item>
  );

  let fields: React.ReactNode = null;
  switch (command) {
    case 'return':
    case 'suspend':
      fields = text('reason', t('common.reason'));
      break;
    case 'escalate':
      fields = text('note', t('common.note'), false);
      break;
    case 'summonDepartments':
      fields = (
        <Form.Item name="departmentIds" label={t('form.departments')} rules={[{ required: true, message: t('form.departments') }]}>
          <Select mode="multiple" showSearch optionFilterProp="label" data-testid="cmd-departmentIds" autoFocus
            options={org.departments.map((d) => ({ value: d.id, label: org.name(d.id) }))} />
        </Form.Item>
      );
      break;
    case 'refuse':
      fields = text('reason', t('common.reason'));
      break;
    case 'answer':
      fields = (
        <>
          {text('plan', t('case.plan'))}
          {text('result', t('case.result'), true, 2)}
        </>
      );
      break;
    case 'decideRefusal':
      fields = (
        <>
          <Form.Item name="departmentId" label={t('form.department')} rules={[{ required: true }]}
            initialValue={context.summonses.find((s) => s.status === 'refusal-pending')?.departmentId}>
            <Select data-testid="cmd-departmentId" options={context.summonses.filter((s) => s.status === 'refusal-pending').map((s) => ({ value: s.departmentId, label: org.name(s.departmentId) }))} />
          </Form.Item>
          <Form.Item name="decision" label={t('form.decision')} rules={[{ required: true }]} initialValue="overrule">
            <Radio.Group data-testid="cmd-decision" options={[{ value: 'overrule', label: t('form.decision.overrule') }, { value: 'accept', label: t('form.decision.accept') }]} />
          </Form.Item>
          {text('note', t('common.note'), false, 2)}
        </>
      );
      break;
    case 'withdrawSummons':
    case 'releaseSummons': {
      // 撤回: any summons still owing its answer; 解除: one whose department let its window run out (督办 followed)
      const open = context.summonses.filter((s) => !['answered', 'released', 'withdrawn'].includes(s.status) && (command === 'withdrawSummons' || s.breached));
      fields = (
        <>
          <Form.Item name="departmentId" label={t('form.department')} rules={[{ required: true }]} initialValue={open[0]?.departmentId}>
            <Select data-testid="cmd-departmentId" options={open.map((s) => ({ value: s.departmentId, label: org.name(s.departmentId) }))} />
          </Form.Item>
          {text('reason', t('common.reason'))}
        </>
      );
      break;
    }
    case 'resolve':
      fields = text('summary', t('form.summary'));
      break;
    case 'requestExtension':
      fields = (
        <>
          <Form.Item label={t('form.extra')} required>
            <Space.Compact>
              <Form.Item name="amount" noStyle initialValue={1} rules={[{ required: true }]}>
                <InputNumber min={1} max={365} data-testid="cmd-amount" aria-label={t('form.extra')} />
              </Form.Item>
              <Form.Item name="unit" noStyle initialValue="days">
                <Select style={{ width: 100 }} aria-label={t('form.extra')} options={(['days', 'hours', 'minutes'] as const).map((u) => ({ value: u, label: t(`form.unit.${u}`) }))} />
              </Form.Item>
              <Form.Item name="basis" noStyle initialValue="working">
                <Select style={{ width: 120 }} aria-label={t('form.basis')} options={(['working', 'natural'] as const).map((b) => ({ value: b, label: t(`form.basis.${b}`) }))} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          {text('reason', t('common.reason'))}
        </>
      );
      break;
    case 'decideExtension':
      fields = (
        <>
          <Form.Item name="approved" label={t('cmd.decideExtension')} initialValue="yes" rules={[{ required: true }]}>
            <Radio.Group data-testid="cmd-approved" options={[{ value: 'yes', label: t('form.approved') }, { value: 'no', label: t('form.refused') }]} />
          </Form.Item>
          {text('note', t('common.note'), false, 2)}
        </>
      );
      break;
    case 'issueSupervisionNotice':
      fields = text('notice', t('form.notice'));
      break;
    case 'merge':
      fields = (
        <Form.Item name="masterCaseNumber" label={t('form.master')} rules={[{ required: true, pattern: /^\d{8}-\d{6}$/, message: 'YYYYMMDD-NNNNNN' }]}>
          <Input data-testid="cmd-masterCaseNumber" autoFocus placeholder="20260504-000123" />
        </Form.Item>
      );
      break;
    case 'close':
      fields = text('note', t('common.note'), false);
      break;
    case 'dispatch':
    case 'redispatch':
      fields = <RoutePicker place={context.place} value={route} onChange={setRoute} />;
      break;
    default:
      fields = null;
  }

  return (
    <Modal
      open
      title={`${t(`cmd.${command}`)} · ${context.caseNumber}`}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'cmd-submit', 'aria-keyshortcuts': 'Control+Enter' }}
      destroyOnHidden
      data-testid={`cmd-modal-${command}`}
    >
      <Form form={form} layout="vertical" name={`cmd-${command}`} onFinish={() => void submit()} onKeyDown={submitOnCtrlEnter(() => void submit())} data-testid={`cmd-form-${command}`}>
        {fields}
        {NO_FORM.includes(command) && <p>{t(`cmd.${command}`)}?</p>}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" data-testid="cmd-error" />}
    </Modal>
  );
}
