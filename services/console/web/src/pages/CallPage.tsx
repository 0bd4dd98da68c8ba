// 来电登记 — built for speed: the number first (the caller's earlier cases appear as it is typed), request
// type by arrow keys, category by Chinese / pinyin initials / English / code, place by address or a click on the
// grid map, Enter or Ctrl+Enter submits. The knowledge base answers inquiries on the spot (一次办结).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Col, Empty, Form, Input, InputNumber, List, Radio, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import { AimOutlined, BookOutlined, HistoryOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api, newRequestId } from '../api/client';
import { type ScreenPop, useScreenPops } from '../api/live';
import { useI18n } from '../i18n';
import { CaseLink, useCategoryLabel, useOrg } from '../components/common';
import { DuplicateWarning } from '../components/DuplicateWarning';
import { departmentUnitId } from '../lib/vocabulary';
import { CityMap } from '../components/map';
import { locate, type Routing } from '../components/routing';
import { minorByCode } from '../lib/taxonomy';
import { categoryIndex } from '../lib/category-search';
import { matchCategories } from '../lib/pinyin-match';

const REQUEST_TYPES = ['complaint', 'help', 'inquiry', 'suggestion', 'tip-off'] as const;
const URGENCIES = ['urgent', 'high', 'normal', 'low'] as const;
const PHONE = /^\+?[\d\s-]{5,20}$/;

interface CallerHistory {
  callerMasked: string;
  count: number;
  calls: { callId: string; receivedAt: string; requestType: string; category?: { zh: string; en: string }; summary: string; caseNumber?: string; caseLink?: string; answeredDirectly?: unknown }[];
}
interface Suggestion {
  code: string;
  zh: string;
  en: string;
  matchedTerm: string;
}
interface Article {
  articleId: string;
  titleZh: string;
  titleEn: string;
  category: { zh: string; en: string };
  answer: string;
}
interface LoggedCall {
  callId: string;
  callerMasked: string;
  answeredDirectly?: { articleId: string; titleZh: string };
}
interface CaseInfo {
  caseNumber: string;
  mergedInto?: string;
  routing?: { communityName?: string; gridName?: string };
  intakeStatus?: string;
}
interface CallValues {
  callerNumber: string;
  requestType: string;
  urgency?: string;
  content: string;
  address?: string;
  lng?: number | null;
  lat?: number | null;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function CallPage() {
  const { t, locale, fmtTime } = useI18n();
  const { message } = App.useApp();
  const categoryLabel = useCategoryLabel();
  const org = useOrg();
  const departmentName = (code: string) => org.name(departmentUnitId(code));
  const [form] = Form.useForm<CallValues>();
  const numberRef = useRef<InputRef>(null);
  const categoryRef = useRef<HTMLInputElement | null>(null);
  const addressRef = useRef<InputRef>(null);
  const knowledgeRef = useRef<InputRef>(null);

  const [categoryText, setCategoryText] = useState('');
  const [categoryCode, setCategoryCode] = useState<string>();
  const [serverSuggestions, setServerSuggestions] = useState<Suggestion[]>([]);
  const [history, setHistory] = useState<CallerHistory | null>(null);
  const [routing, setRouting] = useState<Routing | null>(null);
  const [marker, setMarker] = useState<{ lng: number; lat: number } | null>(null);
  const [articles, setArticles] = useState<Article[] | null>(null);
  const [knowledgeQuery, setKnowledgeQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [logged, setLogged] = useState<LoggedCall | null>(null);
  const [caseInfo, setCaseInfo] = useState<CaseInfo | null>(null);
  /** one idempotency key per call, sent with it: a resend of the same form finds the call instead of logging another */
  const [callKey, setCallKey] = useState(newRequestId);
  const submitting = useRef(false);
  /** 来电弹屏: the telephony call this form is for (its number filled in, its recording kept with the call) */
  const [phoneCall, setPhoneCall] = useState<{ callRef: string; state: ScreenPop['state']; callerMasked: string; recordingRef?: string } | null>(null);
  /** a call that rang while another one was being typed: offered, not forced */
  const [waitingCall, setWaitingCall] = useState<ScreenPop | null>(null);
  const [params, setParams] = useSearchParams();
  const [error, setError] = useState<string>();
  const [tab, setTab] = useState('history');
  /** bumped to ask for the caller's history again (new call with the same number, a call just logged) */
  const [historyNonce, setHistoryNonce] = useState(0);

  const callerNumber = Form.useWatch('callerNumber', form) ?? '';
  const requestType = Form.useWatch('requestType', form) ?? 'complaint';
  const debouncedNumber = useDebounced(callerNumber.trim(), 350);
  const debouncedCategory = useDebounced(categoryText.trim(), 250);

  // the caller's earlier cases, as the number is typed (from 7 digits on)
  useEffect(() => {
    if (debouncedNumber.replace(/\D/g, '').length < 7 || !PHONE.test(debouncedNumber)) {
      setHistory(null);
      return;
    }
    let live = true;
    api<CallerHistory>('hotline/callers/lookup', { body: { number: debouncedNumber, limit: 10 } })
      .then((h) => live && setHistory(h))
      .catch(() => live && setHistory(null));
    return () => {
      live = false;
    };
  }, [debouncedNumber, historyNonce]);

  // colloquial words the hotline knows (路灯不亮 → 路灯照明), next to our own pinyin / English matching
  useEffect(() => {
    if (!debouncedCategory || (categoryCode && categoryText.includes(categoryCode))) {
      setServerSuggestions([]);
      return;
    }
    let live = true;
    api<{ suggestions: Suggestion[] }>('hotline/categories/suggest', { query: { q: debouncedCategory, requestType, limit: 8 } })
      .then((r) => live && setServerSuggestions(r.suggestions ?? []))
      .catch(() => live && setServerSuggestions([]));
    return () => {
      live = false;
    };
  }, [debouncedCategory, requestType, categoryCode, categoryText]);

  const categoryOptions = useMemo(() => {
    const local = matchCategories(categoryIndex(), categoryText, 10).map((m) => ({ code: m.entry.code, via: m.via }));
    const seen = new Set<string>();
    const merged: { code: string; via: string }[] = [];
    for (const s of [...local, ...serverSuggestions.map((s) => ({ code: s.code, via: 'server' }))]) {
      if (!seen.has(s.code)) {
        seen.add(s.code);
        merged.push(s);
      }
    }
    return merged.slice(0, 12).map(({ code, via }) => {
      const minor = minorByCode(code);
      const takes = minor ? minor.requestTypes.includes(requestType) : true;
      return {
        value: code,
        label: (
          <div data-testid={`category-option-${code}`} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, opacity: takes ? 1 : 0.55 }}>
            <span>
              <Typography.Text code>{code}</Typography.Text> {minor ? (locale === 'zh-CN' ? minor.zh : minor.en) : code}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {via === 'server' ? t('call.category.server') : locale === 'zh-CN' ? minor?.en : minor?.zh}
            </Typography.Text>
          </div>
        ),
      };
    });
  }, [categoryText, serverSuggestions, locale, requestType, t]);

  const pickCategory = (code: string) => {
    const minor = minorByCode(code);
    setCategoryCode(code);
    setCategoryText(minor ? `${locale === 'zh-CN' ? minor.zh : minor.en} ${code}` : code);
    if (minor && !form.getFieldValue('urgency')) form.setFieldValue('urgency', undefined);
  };

  const showRouting = useCallback((r: Routing) => setRouting(r), []);

  const locateAddress = async () => {
    const address = (form.getFieldValue('address') as string | undefined)?.trim();
    if (!address) return;
    try {
      showRouting(await locate({ address }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const pickPoint = async (point: { lng: number; lat: number }) => {
    setMarker(point);
    form.setFieldsValue({ lng: point.lng, lat: point.lat });
    try {
      showRouting(await locate({ point }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  /** A new call: the form emptied, a new idempotency key; the last call's result stays on screen unless asked. */
  const reset = useCallback((keepLastCall = false) => {
    form.resetFields();
    setCallKey(newRequestId());
    setCategoryText('');
    setCategoryCode(undefined);
    setHistory(null);
    setRouting(null);
    setMarker(null);
    setPhoneCall(null);
    if (!keepLastCall) {
      setLogged(null);
      setCaseInfo(null);
    }
    setError(undefined);
    setArticles(null);
    setKnowledgeQuery('');
    setHistoryNonce((n) => n + 1);
    setTimeout(() => numberRef.current?.focus(), 0);
  }, [form]);

  const submit = async (answeredWithArticleId?: string, joinCaseNumber?: string) => {
    // one send per call: a second Ctrl+Enter while the first is on its way does nothing (and the key makes a resend harmless)
    if (submitting.current) return;
    setError(undefined);
    let values: CallValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const hasPoint = typeof values.lng === 'number' && typeof values.lat === 'number';
    const address = values.address?.trim();
    if (!answeredWithArticleId && !hasPoint && !address) {
      setError(t('call.placeRequired'));
      addressRef.current?.focus();
      return;
    }
    const body = {
      callerNumber: values.callerNumber.trim(),
      content: values.content.trim(),
      requestType: answeredWithArticleId ? 'inquiry' : values.requestType,
      ...(values.urgency ? { urgency: values.urgency } : {}),
      ...(categoryCode ? { categoryCode } : {}),
      ...(address ? { address } : {}),
      ...(hasPoint ? { location: { lng: values.lng!, lat: values.lat! } } : {}),
      ...(answeredWithArticleId ? { answeredWithArticleId } : {}),
      ...(joinCaseNumber ? { joinCaseNumber } : {}),
      ...(phoneCall ? { telephonyCallRef: phoneCall.callRef } : {}),
    };
    submitting.current = true;
    setBusy(true);
    try {
      const call = await api<LoggedCall>('hotline/calls', { body, headers: { 'idempotency-key': callKey } });
      setLogged(call);
      setCaseInfo(null);
      message.success(t(joinCaseNumber ? 'call.joined' : 'call.logged', { caller: call.callerMasked, n: joinCaseNumber ?? '' }));
      // the call is logged: the form starts the next one (a second Ctrl+Enter finds an empty form, not this call again)
      reset(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };

  // the case number follows from intake a moment later: ask where the call stands (always 200, no trail of 404s)
  useEffect(() => {
    if (!logged) return;
    let live = true;
    let tries = 0;
    const ask = async () => {
      while (live && tries++ < 90) {
        try {
          const status = await api<{ state: 'waiting' | 'registered' | 'merged' | 'unregistered'; caseNumber?: string; reason?: string }>('intake/reports/status', {
            query: { channel: 'hotline', sourceRef: logged.callId },
          });
          if (live && status.caseNumber) {
            const found = await api<CaseInfo>(`intake/cases/${encodeURIComponent(status.caseNumber)}`).catch(() => ({ caseNumber: status.caseNumber! }));
            setCaseInfo({ ...found, caseNumber: status.caseNumber, ...(status.state === 'merged' ? { mergedInto: status.caseNumber } : {}) });
            setHistoryNonce((n) => n + 1);
            return;
          }
          if (live && status.state === 'unregistered') return setError(t('call.unregistered', { reason: status.reason ?? '' }));
        } catch {
          /* the next round asks again */
        }
        await new Promise((r) => setTimeout(r, tries < 4 ? 500 : 1000));
      }
    };
    void ask();
    return () => {
      live = false;
    };
    // t: the language may change while waiting; the poll goes on regardless
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [logged]);

  /** A call at this seat: a new call form with its number (the caller's history follows from the number). */
  const takeCall = useCallback(async (callRef: string) => {
    try {
      const call = await api<{ callRef: string; state: ScreenPop['state']; callerNumber: string; callerMasked: string; recordingRef?: string }>(`hotline/telephony/calls/${encodeURIComponent(callRef)}`);
      reset();
      form.setFieldsValue({ callerNumber: call.callerNumber });
      setPhoneCall({ callRef, state: call.state, callerMasked: call.callerMasked, recordingRef: call.recordingRef });
      setWaitingCall(null);
      setTimeout(() => categoryRef.current?.focus(), 0);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [form, reset]);

  useScreenPops((pop) => {
    if (phoneCall?.callRef === pop.callRef) return setPhoneCall({ ...phoneCall, state: pop.state, ...(pop.recordingRef ? { recordingRef: pop.recordingRef } : {}) });
    if (pop.state === 'hung-up') return setWaitingCall((w) => (w?.callRef === pop.callRef ? null : w));
    const busyWithAnother = !!form.getFieldValue('content') || !!phoneCall;
    if (busyWithAnother) setWaitingCall(pop);
    else void takeCall(pop.callRef);
  });

  // opened by a call that rang while the operator was on another screen
  useEffect(() => {
    const pop = params.get('pop');
    if (!pop) return;
    setParams({}, { replace: true });
    void takeCall(pop);
  }, [params, setParams, takeCall]);

  const searchKnowledge = async (q: string) => {
    setKnowledgeQuery(q);
    if (!q.trim()) return setArticles(null);
    try {
      const r = await api<{ results: Article[] }>('hotline/knowledge/search', { query: { q: q.trim(), categoryCode: categoryCode && categoryCode.length === 4 ? categoryCode : undefined, limit: 5 } });
      setArticles(r.results ?? []);
    } catch (e) {
      setArticles([]);
      setError((e as Error).message);
    }
  };

  // shortcuts: Alt+N new call, Alt+C category, Alt+A address, Alt+K knowledge, Ctrl+Enter submit
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey) {
        const k = e.key.toLowerCase();
        if (k === 'n') reset();
        else if (k === 'c') categoryRef.current?.focus();
        else if (k === 'a') addressRef.current?.focus();
        else if (k === 'k') {
          setTab('knowledge');
          setTimeout(() => knowledgeRef.current?.focus(), 0);
        } else return;
        e.preventDefault();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const minor = minorByCode(categoryCode);
  const addressValue = Form.useWatch<string | undefined>('address', form);
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);
  const mapMarker = typeof lng === 'number' && typeof lat === 'number' ? { lng, lat } : marker;

  return (
    <Row gutter={12} wrap={false} style={{ minWidth: 0 }}>
      <Col flex="0 0 47%" style={{ minWidth: 0 }}>
        <Card
          size="small"
          title={<span><SendOutlined /> {t('call.title')}</span>}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => reset()} data-testid="call-reset" aria-keyshortcuts="Alt+N">
              {t('call.reset')} <span className="kbd">Alt+N</span>
            </Button>
          }
        >
          {phoneCall && (
            <Alert type="info" showIcon style={{ marginBottom: 10 }} data-testid="screen-pop" data-call-ref={phoneCall.callRef} data-state={phoneCall.state}
              title={t(`call.pop.${phoneCall.state}`, { caller: phoneCall.callerMasked })}
              description={phoneCall.recordingRef ? <span data-testid="screen-pop-recording">{t('call.pop.recording', { ref: phoneCall.recordingRef })}</span> : undefined} />
          )}
          {waitingCall && (
            <Alert type="warning" showIcon style={{ marginBottom: 10 }} data-testid="screen-pop-waiting" role="status"
              title={t('call.pop.waiting', { caller: waitingCall.callerMasked })}
              action={<Button size="small" type="primary" onClick={() => void takeCall(waitingCall.callRef)} data-testid="screen-pop-take">{t('call.pop.take')}</Button>} />
          )}
          <Form
            form={form}
            name="call"
            layout="horizontal"
            labelCol={{ flex: '84px' }}
            labelWrap
            initialValues={{ requestType: 'complaint' }}
            onFinish={() => void submit()}
            requiredMark
            data-testid="call-form"
            size="middle"
            style={{ rowGap: 0 }}
          >
            <Form.Item label={t('call.callerNumber')} name="callerNumber" style={{ marginBottom: 10 }}
              rules={[{ required: true, message: t('call.required', { field: t('call.callerNumber') }) }, { pattern: PHONE, message: t('call.badNumber') }]}>
              <Input ref={numberRef} autoFocus inputMode="tel" autoComplete="off" data-testid="call-caller-number" placeholder="13812345678" />
            </Form.Item>
            <Form.Item label={t('call.requestType')} name="requestType" style={{ marginBottom: 10 }}>
              <Radio.Group optionType="button" buttonStyle="solid" size="small" data-testid="call-request-type"
                options={REQUEST_TYPES.map((rt) => ({ value: rt, label: t(`requestType.${rt}`), 'data-testid': `call-request-type-${rt}` }))} />
            </Form.Item>
            <Form.Item label={<label htmlFor="call_category">{t('call.category')}</label>} style={{ marginBottom: 10 }}
              extra={minor ? <span data-testid="call-category-chosen">{categoryLabel(minor.code)} · {t(`urgency.${minor.priority}`)} · {departmentName(minor.department)}</span> : undefined}>
              <AutoComplete
                id="call_category"
                data-testid="call-category"
                value={categoryText}
                options={categoryOptions}
                onSearch={(v) => {
                  setCategoryText(v);
                  setCategoryCode(undefined);
                }}
                onSelect={(code: string) => pickCategory(code)}
                defaultActiveFirstOption
                popupMatchSelectWidth={420}
              >
                <Input ref={(el) => { categoryRef.current = el?.input ?? null; }} placeholder={t('call.category.placeholder')} aria-keyshortcuts="Alt+C" />
              </AutoComplete>
            </Form.Item>
            <Form.Item label={t('call.urgency')} name="urgency" style={{ marginBottom: 10 }}>
              <Select allowClear data-testid="call-urgency" placeholder={minor ? `${t('call.urgency.default')}: ${t(`urgency.${minor.priority}`)}` : t('call.urgency.default')}
                options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
            </Form.Item>
            <Form.Item label={t('call.content')} name="content" style={{ marginBottom: 10 }}
              rules={[{ required: true, whitespace: true, message: t('call.required', { field: t('call.content') }) }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={4000} data-testid="call-content" />
            </Form.Item>
            <Form.Item label={t('call.address')} style={{ marginBottom: 10 }}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="address" noStyle>
                  <Input ref={addressRef} data-testid="call-address" placeholder={t('call.address.placeholder')} aria-keyshortcuts="Alt+A"
                    onPressEnter={(e) => {
                      e.preventDefault();
                      void locateAddress();
                    }} />
                </Form.Item>
                <Button icon={<AimOutlined />} onClick={() => void locateAddress()} data-testid="call-locate">
                  {t('call.locate')}
                </Button>
              </Space.Compact>
            </Form.Item>
            <Form.Item label={`${t('call.lng')} / ${t('call.lat')}`} style={{ marginBottom: 10 }}>
              <Space.Compact>
                <Form.Item name="lng" noStyle>
                  <InputNumber aria-label={t('call.lng')} data-testid="call-lng" step={0.0001} precision={6} style={{ width: 140 }} placeholder={t('call.lng')} />
                </Form.Item>
                <Form.Item name="lat" noStyle>
                  <InputNumber aria-label={t('call.lat')} data-testid="call-lat" step={0.0001} precision={6} style={{ width: 140 }} placeholder={t('call.lat')} />
                </Form.Item>
                <Button aria-label={t('call.locate')} icon={<AimOutlined />} data-testid="call-locate-point"
                  onClick={() => { const v = form.getFieldsValue(); if (typeof v.lng === 'number' && typeof v.lat === 'number') void pickPoint({ lng: v.lng, lat: v.lat }); }} />
              </Space.Compact>
            </Form.Item>
            {routing && (
              <Alert style={{ marginBottom: 10 }} data-testid="call-routing" data-matched={String(routing.matched)}
                data-community={routing.matched ? routing.communityId : ''} data-grid={routing.matched ? routing.gridId : ''} showIcon type={routing.matched ? 'success' : 'warning'}
                title={routing.matched
                  ? t('call.routing.matched', { street: routing.streetName, community: routing.communityName, grid: routing.gridName })
                  : t('call.routing.unmatched', { reason: t(`routing.reason.${routing.reason}`) })} />
            )}
            <DuplicateWarning categoryCode={categoryCode} point={typeof lng === 'number' && typeof lat === 'number' ? { lng, lat } : null} address={addressValue?.trim() || undefined}
              callerCaseNumbers={[...new Set((history?.calls ?? []).flatMap((c) => (c.caseNumber ? [c.caseNumber] : [])))]} busy={busy} onJoin={(n) => void submit(undefined, n)} />
            {error && <Alert style={{ marginBottom: 10 }} type="error" showIcon title={error} role="alert" data-testid="call-error" closable onClose={() => setError(undefined)} />}
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy} data-testid="call-submit" aria-keyshortcuts="Control+Enter">
                {t('call.submit')} <span className="kbd" style={{ color: '#333' }}>Ctrl+Enter</span>
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="call-shortcuts">
                {t('call.shortcuts')}
              </Typography.Text>
            </Space>
          </Form>
          {logged && (
            <Alert style={{ marginTop: 10 }} type="info" showIcon data-testid="call-result" data-call-id={logged.callId}
              title={t('call.logged', { caller: logged.callerMasked })}
              description={caseInfo ? (
                <Space wrap>
                  <span>{t('call.caseNumber')}:</span>
                  <span data-testid="call-case-number" data-case={caseInfo.caseNumber} data-merged={caseInfo.mergedInto ? 'true' : 'false'}><CaseLink caseNumber={caseInfo.caseNumber} /></span>
                  {caseInfo.mergedInto && <Tag color="purple">{t('call.merged', { master: caseInfo.mergedInto })}</Tag>}
                  {logged.answeredDirectly && <Tag color="green">{t('call.directAnswer')}</Tag>}
                  {caseInfo.routing?.communityName && <Tag>{caseInfo.routing.communityName} · {caseInfo.routing.gridName}</Tag>}
                </Space>
              ) : t('call.waitingCase')} />
          )}
        </Card>
      </Col>
      <Col flex="1 1 53%" style={{ minWidth: 0 }}>
        <Card size="small" title={<span><AimOutlined /> {t('call.map')}</span>} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('call.map.hint')}</Typography.Text>} styles={{ body: { padding: 4 } }} style={{ marginBottom: 12 }}>
          <CityMap height={300} marker={mapMarker} highlight={routing?.matched ? [routing.gridId] : undefined}
            focus={mapMarker ? { point: mapMarker } : routing?.matched ? { unitId: routing.gridId } : null}
            onPick={(p) => void pickPoint(p)} testId="call-map" ariaLabel={t('call.map.hint')} />
        </Card>
        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'history',
                label: <span><HistoryOutlined /> {t('call.history')}{history ? ` (${history.count})` : ''}</span>,
                children: (
                  <div data-testid="caller-history" style={{ maxHeight: 300, overflow: 'auto' }}>
                    {!history ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('call.history.empty')} />
                    ) : (
                      <>
                        <Typography.Text type="secondary">{history.callerMasked} · {t('call.history.count', { n: history.count })}</Typography.Text>
                        <List size="small" dataSource={history.calls} renderItem={(c) => (
                          <List.Item data-testid="caller-history-item">
                            <List.Item.Meta
                              title={<Space size={4} wrap>{c.caseNumber ? <CaseLink caseNumber={c.caseNumber} /> : <Tag>—</Tag>}<Tag>{t(`requestType.${c.requestType}`)}</Tag>{c.category && <span>{locale === 'zh-CN' ? c.category.zh : c.category.en}</span>}{c.caseLink === 'merged' && <Tag color="purple">{t('stage.merged')}</Tag>}{c.answeredDirectly ? <Tag color="green">{t('call.directAnswer')}</Tag> : null}</Space>}
                              description={<span>{fmtTime(c.receivedAt)} · {c.summary}</span>} />
                          </List.Item>
                        )} />
                      </>
                    )}
                  </div>
                ),
              },
              {
                key: 'knowledge',
                label: <span><BookOutlined /> {t('call.knowledge')}</span>,
                children: (
                  <div style={{ maxHeight: 300, overflow: 'auto' }}>
                    <Input.Search ref={knowledgeRef} data-testid="knowledge-search" aria-label={t('call.knowledge')} placeholder={t('call.knowledge.placeholder')} enterButton allowClear onSearch={(q) => void searchKnowledge(q)} aria-keyshortcuts="Alt+K" />
                    {articles && articles.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('call.knowledge.empty')} />}
                    {articles && articles.length > 0 && (
                      <List size="small" data-testid="knowledge-results" dataSource={articles} renderItem={(a) => (
                        <List.Item data-testid="knowledge-result" actions={[
                          <Button key="use" size="small" onClick={() => void submit(a.articleId)} data-testid={`knowledge-answer-${a.articleId}`}>{t('call.answerWith')}</Button>,
                        ]}>
                          <List.Item.Meta title={<span>{locale === 'zh-CN' ? a.titleZh : a.titleEn} <Tag>{locale === 'zh-CN' ? a.category.zh : a.category.en}</Tag></span>}
                            description={<Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: true }}>{a.answer}</Typography.Paragraph>} />
                        </List.Item>
                      )} />
                    )}
                    {knowledgeQuery && !articles && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
                  </div>
                ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
