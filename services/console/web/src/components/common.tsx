import { useEffect, useState, useSyncExternalStore } from 'react';
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useI18n } from '../i18n';
import { formatCountdown, readSla, SLA_TAG_COLOR, type SlaLike } from '../lib/sla';
import { minorByCode } from '../lib/taxonomy';
import { DEPARTMENT_TYPES, departmentTypeOf, departmentUnitId } from '../lib/vocabulary';

// --- one shared 1-second clock for every countdown on the page -------------------------------------------
let now = Date.now();
const tickers = new Set<() => void>();
setInterval(() => {
  now = Date.now();
  tickers.forEach((t) => t());
}, 1000);
export function useNow(): number {
  return useSyncExternalStore(
    (cb) => {
      tickers.add(cb);
      return () => tickers.delete(cb);
    },
    () => now,
  );
}

/** Green / yellow / red SLA badge with a live countdown; grey when paused or without a clock. */
export function SlaBadge({ sla, testId, compact }: { sla: SlaLike | null | undefined; testId?: string; compact?: boolean }) {
  const { t, locale, fmtTime } = useI18n();
  const current = useNow();
  const reading = readSla(sla, current);
  const label = t(`sla.${reading.color}`);
  const text = reading.paused
    ? t('sla.paused')
    : reading.remainingMs === null
      ? label
      : formatCountdown(reading.remainingMs, locale);
  const badge = (
    <Tooltip title={sla?.deadline ? t('sla.deadline', { time: fmtTime(sla.deadline) }) : label}>
      <Tag
        color={SLA_TAG_COLOR[reading.color]}
        icon={reading.paused ? <PauseCircleOutlined /> : <ClockCircleOutlined />}
        data-testid={testId ?? 'sla-badge'}
        data-sla={reading.color}
        aria-label={`${label} ${text}`}
        style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 0 }}
      >
        {compact || reading.color !== 'yellow' || reading.remainingMs === null ? text : `${label} · ${text}`}
      </Tag>
    </Tooltip>
  );
  if (!sla?.provisional) return badge;
  return (
    <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
      {badge}
      <ProvisionalTag />
    </span>
  );
}

/** 暂定: a deadline computed from the statutory holidays of a year whose official arrangement is not entered yet. */
export function ProvisionalTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('sla.provisionalHint')}>
      <Tag color="gold" data-testid="sla-provisional" style={{ marginInlineEnd: 0 }}>
        {t('sla.provisional')}
      </Tag>
    </Tooltip>
  );
}

const STAGE_COLORS: Record<string, string> = {
  registered: 'default',
  'awaiting-dispatch': 'orange',
  dispatched: 'blue',
  returned: 'volcano',
  'in-handling': 'processing',
  suspended: 'purple',
  resolved: 'cyan',
  'called-back': 'green',
  'under-review': 'magenta',
  closed: 'green',
  merged: 'default',
};

export function StageTag({ stage }: { stage: string | null | undefined }) {
  const { t } = useI18n();
  if (!stage) return null;
  return (
    <Tag color={STAGE_COLORS[stage] ?? 'default'} data-testid="case-stage" data-stage={stage}>
      {t(`stage.${stage}`)}
    </Tag>
  );
}

export function CaseLink({ caseNumber }: { caseNumber: string }) {
  return (
    <Link to={`/cases/${encodeURIComponent(caseNumber)}`} data-testid="case-link" data-case={caseNumber} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {caseNumber}
    </Link>
  );
}

export function useCategoryLabel(): (code: string | null | undefined) => string {
  const { locale } = useI18n();
  return (code) => {
    const minor = minorByCode(code);
    if (!minor) return code ?? '—';
    return `${locale === 'zh-CN' ? minor.zh : minor.en} (${minor.code})`;
  };
}

// --- organisation names (grid service's org tree, fetched once) ------------------------------------------
export interface OrgNode {
  id: string;
  name: string;
  kind: string;
  departmentCode?: string;
  children: OrgNode[];
}

let orgPromise: Promise<OrgNode | null> | undefined;
export function loadOrgTree(): Promise<OrgNode | null> {
  orgPromise ??= api<OrgNode>('grid/org/tree', { query: { depth: 4 } }).catch(() => {
    orgPromise = undefined;
    return null;
  });
  return orgPromise;
}

export interface OrgIndex {
  tree: OrgNode | null;
  name(id: string | null | undefined): string;
  departments: { id: string; name: string }[];
}

function flatten(node: OrgNode, into: Map<string, OrgNode>) {
  into.set(node.id, node);
  node.children?.forEach((c) => flatten(c, into));
}

export function useOrg(): OrgIndex {
  const { locale } = useI18n();
  const [tree, setTree] = useState<OrgNode | null>(null);
  useEffect(() => {
    let live = true;
    void loadOrgTree().then((t) => live && setTree(t));
    return () => {
      live = false;
    };
  }, []);
  const units = new Map<string, OrgNode>();
  if (tree) flatten(tree, units);
  const deptName = (id: string) => {
    const type = departmentTypeOf(id);
    return type ? (locale === 'zh-CN' ? type.zh : type.en) : undefined;
  };
  const fromTree = [...units.values()].filter((u) => u.kind === 'department').map((u) => ({ id: u.id, name: u.name }));
  const departments = fromTree.length
    ? fromTree
    : DEPARTMENT_TYPES.map((d) => ({ id: departmentUnitId(d.code), name: locale === 'zh-CN' ? d.zh : d.en }));
  return {
    tree,
    departments,
    name: (id) => {
      if (!id) return '—';
      const unit = units.get(id);
      if (unit) return unit.kind === 'department' ? (deptName(id) ?? unit.name) : unit.name;
      return deptName(id) ?? id;
    },
  };
}
