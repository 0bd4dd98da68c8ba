import { CHANNEL_LABELS, departmentTypeOf, readChannel, readSatisfaction, SATISFACTION_LABELS } from '@civicflow/domain';

/** A table to export: typed columns so CSV and Excel each format a cell their own way. */
export type ColumnKind = 'text' | 'count' | 'rate' | 'datetime' | 'yes-no';

export interface Column {
  header: string;
  kind: ColumnKind;
}

export type Cell = string | number | boolean | null;

export interface ExportTable {
  title: string;
  columns: Column[];
  rows: Cell[][];
}

export const RATE_COLUMNS: [key: string, header: string, kind: ColumnKind][] = [
  ['cases', '案件数', 'count'],
  ['responded', '响应数', 'count'],
  ['responseRate', '响应率', 'rate'],
  ['respondedOnTime', '按时响应数(部门:按时报到)', 'count'],
  ['respondedOnTimeRate', '按时响应率(部门:报到率)', 'rate'],
  ['resolved', '解决数', 'count'],
  ['resolutionRate', '解决率', 'rate'],
  ['callbacks', '回访数', 'count'],
  ['satisfied', '满意数(含基本满意)', 'count'],
  ['basicallySatisfied', '基本满意数', 'count'],
  ['satisfactionRate', '满意率', 'rate'],
  ['composite', '综合得分', 'rate'],
  ['onTime', '按时办结数', 'count'],
  ['onTimeRate', '按时办结率', 'rate'],
  ['escalated', '升级数', 'count'],
  ['escalationRate', '升级率', 'rate'],
  ['returned', '退单数', 'count'],
  ['returnRate', '退单率', 'rate'],
  ['reopened', '重办数', 'count'],
  ['reopenRate', '重办率', 'rate'],
];

const GROUP_HEADERS: Record<string, string> = { district: '区', street: '街道', community: '社区', department: '部门', category: '类别' };

export interface SummaryBody {
  period: { from: string; to: string };
  groupBy?: string;
  total: Record<string, number | null>;
  groups: { key: string; name: string; rates: Record<string, number | null> }[];
}

/** The summary: the total first (合计), then one row per group. */
export function summaryTable(summary: SummaryBody, groupBy: string): ExportTable {
  const unit = GROUP_HEADERS[groupBy] ?? '分组';
  const rateCells = (rates: Record<string, number | null>) => RATE_COLUMNS.map(([key]) => rates[key] ?? null);
  return {
    title: `统计汇总(按${unit})`,
    columns: [{ header: `${unit}编码`, kind: 'text' }, { header: `${unit}名称`, kind: 'text' }, ...RATE_COLUMNS.map(([, header, kind]) => ({ header, kind }))],
    rows: [['', '合计', ...rateCells(summary.total)], ...summary.groups.map((g) => [g.key, g.name, ...rateCells(g.rates)])],
  };
}

const CASE_COLUMNS: [key: string, header: string, kind: ColumnKind][] = [
  ['caseNumber', '案件编号', 'text'],
  ['registeredAt', '受理时间', 'datetime'],
  ['channel', '渠道', 'text'],
  ['categoryName', '类别', 'text'],
  ['priority', '优先级', 'text'],
  ['streetName', '街道', 'text'],
  ['communityName', '社区', 'text'],
  ['gridId', '网格', 'text'],
  ['stage', '当前环节', 'text'],
  ['level', '当前层级', 'text'],
  ['currentUnitName', '当前单位', 'text'],
  ['responded', '已响应', 'yes-no'],
  ['respondedOnTime', '按时响应', 'yes-no'],
  ['resolved', '已解决', 'yes-no'],
  ['resolvedAt', '办结时间', 'datetime'],
  ['resolvedOnTime', '按时办结', 'yes-no'],
  ['everBreached', '曾超时', 'yes-no'],
  ['escalated', '已升级', 'yes-no'],
  ['departmentIds', '吹哨部门', 'text'],
  ['returnedCount', '退单次数', 'count'],
  ['reopenedCount', '重办次数', 'count'],
  ['satisfaction', '回访结果', 'text'],
  ['closedAt', '归档时间', 'datetime'],
];

/** A name column shows the id when the name is unknown. */
const NAME_FALLBACK: Record<string, string> = { categoryName: 'categoryCode', streetName: 'streetId', communityName: 'communityId', currentUnitName: 'currentUnit' };

/** Words people read, never codes or unit ids: 热线 not hotline, 水务局 not dept-water. */
const IN_WORDS: Record<string, (value: string) => string> = {
  channel: (value) => {
    const channel = readChannel(value);
    return channel ? CHANNEL_LABELS[channel].zh : value;
  },
  satisfaction: (value) => {
    const satisfaction = readSatisfaction(value);
    return satisfaction ? SATISFACTION_LABELS[satisfaction].zh : value === 'unreached' ? '未联系上' : value;
  },
  departmentIds: (value) => departmentTypeOf(value)?.zh ?? value,
};

/** The drill-down list, one row per case. */
export function casesTable(items: Record<string, unknown>[]): ExportTable {
  return {
    title: '案件明细',
    columns: CASE_COLUMNS.map(([, header, kind]) => ({ header, kind })),
    rows: items.map((item) => CASE_COLUMNS.map(([key]) => {
      const value = item[key];
      const inWords = IN_WORDS[key] ?? ((word: string) => word);
      if (typeof value === 'string') return inWords(value);
      if (key in NAME_FALLBACK) return (value as string | null) ?? (item[NAME_FALLBACK[key]] as string | null) ?? null;
      if (Array.isArray(value)) return value.map((v) => inWords(String(v))).join('、');
      return (value ?? null) as Cell;
    })),
  };
}
