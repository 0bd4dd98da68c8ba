// 考核口径: the city's scoring policy as versions — the one in force with its formulas, every version with who
// added it, when and why (versions are only appended, so the list is the audit trail), and for administrators a
// form that adds a version effective from a day (today or later). The server checks it; its objections are
// shown beside the fields they name.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { AuditOutlined, SaveOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import { useUser } from '../api/session';
import { useI18n } from '../i18n';
import { chinaDay } from '../lib/china-time';
import { policyFormField } from '../lib/reports';
import { useAsync } from '../lib/use-async';

type Formula = { zh: string; en: string };
export interface PolicyVersion {
  version: number;
  effectiveFrom: string;
  weights: { response: number; resolution: number; satisfaction: number };
  basicallySatisfiedWeight: number;
  responded: 'accepted' | 'accepted-in-window';
  resolved: 'resolved' | 'resolved-on-time';
  validCallbacks: 'reached' | 'all';
  lists: { size: number; minCases: number };
  note: string;
  createdBy: string;
  createdAt: string;
  formulas: Record<'composite' | 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'respondedOnTimeRate' | 'onTimeRate', Formula>;
}
type NewVersion = Pick<PolicyVersion, 'effectiveFrom' | 'weights' | 'basicallySatisfiedWeight' | 'responded' | 'resolved' | 'validCallbacks' | 'lists' | 'note'>;
type FieldProblem = { field: string; reason: string };

const RULES = { responded: ['accepted', 'accepted-in-window'], resolved: ['resolved', 'resolved-on-time'], validCallbacks: ['reached', 'all'] } as const;
const FORMULA_ORDER = ['composite', 'responseRate', 'resolutionRate', 'satisfactionRate', 'respondedOnTimeRate', 'onTimeRate'] as const;

export function ScoringPolicyPage() {
  const { t, locale, fmtTime } = useI18n();
  const user = useUser();
  const policy = useAsync(() => api<{ inForce: PolicyVersion; versions: PolicyVersion[] }>('casework/statistics/policy'), []);
  const inForce = policy.data?.inForce;
  const text = (f: Formula) => (locale === 'zh-CN' ? f.zh : f.en);
  const share = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return (
    <Row gutter={12} data-testid="policy-page">
      <Col xs={24} xl={14}>
        <Card size="small" title={<Space><AuditOutlined />{t('policy.title')}</Space>} style={{ marginBottom: 12 }}>
          {policy.error && <Alert type="error" showIcon title={policy.error.message} />}
          {inForce && (
            <>
              <Typography.Paragraph strong data-testid="policy-in-force">{t('policy.inForce', { v: inForce.version, from: inForce.effectiveFrom })}</Typography.Paragraph>
              <Descriptions size="small" column={1} bordered title={t('policy.formulas')} data-testid="policy-formulas">
                {FORMULA_ORDER.map((key) => (
                  <Descriptions.Item key={key} label={t(`sup.metric.${key}`)}>{text(inForce.formulas[key])}</Descriptions.Item>
                ))}
              </Descriptions>
            </>
          )}
        </Card>
        <Card size="small" title={t('policy.versions')}>
          <Table<PolicyVersion>
            size="small"
            rowKey="version"
            pagination={false}
            scroll={{ x: true }}
            data-testid="policy-versions"
            loading={policy.loading && !policy.data}
            dataSource={[...(policy.data?.versions ?? [])].reverse()}
            onRow={(r) => ({ 'data-version': r.version }) as React.HTMLAttributes<HTMLElement>}
            expandable={{ expandedRowRender: (r) => <ul style={{ margin: 0 }}>{FORMULA_ORDER.map((key) => <li key={key}>{text(r.formulas[key])}</li>)}</ul> }}
            columns={[
              { title: t('policy.version'), dataIndex: 'version', width: 60, render: (v: number) => <Space size={4}>v{v}{v === inForce?.version && <Tag color="green">{t('policy.current')}</Tag>}</Space> },
              { title: t('policy.effectiveFrom'), dataIndex: 'effectiveFrom', width: 100 },
              { title: t('policy.weights'), key: 'weights', render: (_, r) => `${share(r.weights.response)} / ${share(r.weights.resolution)} / ${share(r.weights.satisfaction)}` },
              { title: t('policy.basicWeight'), dataIndex: 'basicallySatisfiedWeight', width: 90 },
              { title: t('policy.responded'), dataIndex: 'responded', render: (v: string) => t(`policy.rule.${v}`) },
              { title: t('policy.resolved'), dataIndex: 'resolved', render: (v: string) => t(`policy.rule.${v}`) },
              { title: t('policy.validCallbacks'), dataIndex: 'validCallbacks', render: (v: string) => t(`policy.rule.${v}`) },
              { title: t('policy.lists'), key: 'lists', render: (_, r) => t('policy.lists.value', { size: r.lists.size, min: r.lists.minCases }) },
              { title: t('policy.note'), dataIndex: 'note' },
              { title: t('policy.by'), dataIndex: 'createdBy' },
              { title: t('policy.at'), dataIndex: 'createdAt', render: (v: string) => fmtTime(v) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        {user.role === 'admin' && inForce && <NewVersionForm base={inForce} onSaved={policy.reload} />}
      </Col>
    </Row>
  );
}

function NewVersionForm({ base, onSaved }: { base: PolicyVersion; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewVersion>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const initial: NewVersion = { ...base, effectiveFrom: chinaDay(Date.now()), note: '' };
  const save = async (values: NewVersion) => {
    setSaving(true);
    setProblems([]);
    try {
      const saved = await api<PolicyVersion>('casework/statistics/policy/versions', { method: 'POST', body: values });
      message.success(t('policy.saved', { v: saved.version, from: saved.effectiveFrom }), 6);
      form.setFieldValue('note', '');
      onSaved();
    } catch (e) {
      const errors = e instanceof ApiError ? ((e.body as { errors?: FieldProblem[] } | null)?.errors ?? []) : [];
      if (errors.length > 0) {
        setProblems(errors);
        form.setFields(errors.map((p) => ({ name: policyFormField(p.field), errors: [p.reason] })) as Parameters<typeof form.setFields>[0]);
      } else message.error((e as Error).message, 8);
    } finally {
      setSaving(false);
    }
  };
  const ruleOptions = (rule: keyof typeof RULES) => RULES[rule].map((value) => ({ value, label: t(`policy.rule.${value}`) }));
  const share = { min: 0, max: 1, step: 0.05, style: { width: '100%' } } as const;
  return (
    <Card size="small" title={t('policy.new')}>
      <Typography.Paragraph type="secondary">{t('policy.new.hint')}</Typography.Paragraph>
      {problems.length > 0 && <Alert type="error" showIcon title={t('policy.invalid')} style={{ marginBottom: 8 }} data-testid="policy-problems" />}
      <Form<NewVersion> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} data-testid="policy-form">
        <Form.Item name="effectiveFrom" label={t('policy.effectiveFrom')} required>
          <Input placeholder="YYYY-MM-DD" data-testid="policy-effective-from" />
        </Form.Item>
        <Row gutter={8}>
          <Col span={8}><Form.Item name={['weights', 'response']} label={t('policy.weight.response')}><InputNumber {...share} data-testid="policy-weight-response" /></Form.Item></Col>
          <Col span={8}><Form.Item name={['weights', 'resolution']} label={t('policy.weight.resolution')}><InputNumber {...share} data-testid="policy-weight-resolution" /></Form.Item></Col>
          <Col span={8}><Form.Item name={['weights', 'satisfaction']} label={t('policy.weight.satisfaction')}><InputNumber {...share} data-testid="policy-weight-satisfaction" /></Form.Item></Col>
        </Row>
        <Form.Item name="basicallySatisfiedWeight" label={t('policy.basicWeight')}><InputNumber {...share} data-testid="policy-basic-weight" /></Form.Item>
        <Form.Item name="responded" label={t('policy.responded')}><Select options={ruleOptions('responded')} /></Form.Item>
        <Form.Item name="resolved" label={t('policy.resolved')}><Select options={ruleOptions('resolved')} /></Form.Item>
        <Form.Item name="validCallbacks" label={t('policy.validCallbacks')}><Select options={ruleOptions('validCallbacks')} /></Form.Item>
        <Row gutter={8}>
          <Col span={12}><Form.Item name={['lists', 'size']} label={t('policy.lists.size')}><InputNumber min={1} max={50} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name={['lists', 'minCases']} label={t('policy.lists.minCases')}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.Item name="note" label={t('policy.note')} required>
          <Input.TextArea rows={2} maxLength={500} data-testid="policy-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="policy-save">{t('policy.save')}</Button>
      </Form>
    </Card>
  );
}
