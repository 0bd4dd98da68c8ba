// 重复诉求提示: before the operator logs a call, the open cases it may repeat — of its category at its place (the
// point's radius or the same address, from intake's open-case index) or reported earlier by the same caller — each
// with what it is about and one click to join the call to it (合并) instead of opening a second case.
import { useEffect, useState } from 'react';
import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useI18n } from '../i18n';
import { CaseLink, StageTag } from './common';

export interface OpenCaseHint {
  caseNumber: string;
  content?: string;
  address?: string;
  stage?: string | null;
  distanceMeters?: number;
  /** why it is shown: same place, same caller, or both */
  why: ('place' | 'caller')[];
}

/** Stages in which a call can still join the case (what intake's open-case index keeps). */
const FINISHED = new Set(['resolved', 'called-back', 'closed', 'merged']);
const CALLER_CASES_CHECKED = 5;

interface Props {
  categoryCode?: string;
  point?: { lng: number; lat: number } | null;
  address?: string;
  /** the caller's earlier calls (hotline caller history), newest first */
  callerCaseNumbers: string[];
  busy: boolean;
  onJoin(caseNumber: string): void;
}

export function DuplicateWarning({ categoryCode, point, address, callerCaseNumbers, busy, onJoin }: Props) {
  const { t } = useI18n();
  const [atPlace, setAtPlace] = useState<OpenCaseHint[]>([]);
  const [ofCaller, setOfCaller] = useState<OpenCaseHint[]>([]);

  const placeKey = JSON.stringify([categoryCode, point?.lng, point?.lat, address]);
  useEffect(() => {
    if (!categoryCode || categoryCode.length !== 4 || (!point && !address)) return setAtPlace([]);
    let live = true;
    const timer = setTimeout(() => {
      api<{ cases: (Omit<OpenCaseHint, 'why'> & { since: string })[] }>('intake/open-cases/nearby', {
        query: { categoryCode, lng: point?.lng, lat: point?.lat, address },
      })
        .then((r) => live && setAtPlace(r.cases.map((c) => ({ ...c, why: ['place'] }))))
        .catch(() => live && setAtPlace([]));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [placeKey]);

  const callerKey = callerCaseNumbers.slice(0, CALLER_CASES_CHECKED).join(',');
  useEffect(() => {
    const numbers = callerKey ? callerKey.split(',') : [];
    if (!numbers.length) return setOfCaller([]);
    let live = true;
    void Promise.all(
      numbers.map((n) => api<{ caseNumber: string; content?: string; address?: string; stage?: string | null; mergedInto?: string }>(`intake/cases/${encodeURIComponent(n)}`).catch(() => null)),
    ).then((found) => {
      if (!live) return;
      setOfCaller(found.flatMap((c) => (c && !c.mergedInto && !FINISHED.has(c.stage ?? '') ? [{ caseNumber: c.caseNumber, content: c.content, address: c.address, stage: c.stage, why: ['caller' as const] }] : [])));
    });
    return () => {
      live = false;
    };
  }, [callerKey]);

  const hints = new Map<string, OpenCaseHint>();
  for (const h of [...atPlace, ...ofCaller]) {
    const known = hints.get(h.caseNumber);
    hints.set(h.caseNumber, known ? { ...known, why: [...new Set([...known.why, ...h.why])] } : h);
  }
  if (hints.size === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="call-duplicates"
      style={{ marginBottom: 10 }}
      title={t('call.duplicates.title', { n: hints.size })}
      description={
        <List
          size="small"
          dataSource={[...hints.values()]}
          renderItem={(h) => (
            <List.Item
              data-testid="call-duplicate"
              data-case={h.caseNumber}
              actions={[
                <Button key="join" size="small" type="primary" ghost icon={<MergeCellsOutlined />} disabled={busy} onClick={() => onJoin(h.caseNumber)} data-testid={`call-join-${h.caseNumber}`}>
                  {t('call.duplicates.join')}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  <CaseLink caseNumber={h.caseNumber} />
                  <StageTag stage={h.stage} />
                  {h.why.includes('place') && <Tag>{h.distanceMeters !== undefined ? t('call.duplicates.near', { m: h.distanceMeters }) : t('call.duplicates.sameAddress')}</Tag>}
                  {h.why.includes('caller') && <Tag>{t('call.duplicates.sameCaller')}</Tag>}
                </Space>
                <Typography.Text ellipsis style={{ maxWidth: 520 }}>{h.content}</Typography.Text>
                {h.address && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.address}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
