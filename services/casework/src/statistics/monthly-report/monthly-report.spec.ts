import ExcelJS from 'exceljs';
import { BSON } from 'mongodb';
import { DEFAULT_SCORING_POLICY } from '@civicflow/domain';
import { pdfText } from '@civicflow/testing';
import { A, december, rows, S, U, W } from '../figures.fixtures';
import { previousPeriodOf } from '../period';
import { groupRows, rankGroups, ratesOf } from '../rates';
import { announcesNow } from './generate-monthly-report';
import { composeMonthlyReport } from './monthly-report';
import { BIG_CITY, cityMonthReport } from './monthly-report.fixtures';
import { monthlyReportPdf } from './monthly-report.pdf';
import { PART_BYTES, splitMonthlyReport } from './monthly-report.store';
import { monthlyReportXlsx } from './monthly-report.xlsx';

const policy = DEFAULT_SCORING_POLICY;
const names: Record<string, string> = { [S]: '友谊路街道', [W]: '水务局', [U]: '城市管理综合执法局', [A]: '锦华社区' };
const level = (groupBy: 'street' | 'department') => {
  const groups = [...groupRows(rows, groupBy)].map(([key, list]) => ({ key, name: names[key] ?? key, rates: ratesOf(list, policy) }));
  return { groups, ranked: rankGroups(groups, 'composite', policy.lists, new Map([[W, { ...ratesOf([], policy), composite: 0.5 }]])) };
};
const report = composeMonthlyReport({
  month: '2026-12', period: december, generatedAt: new Date('2027-01-04T01:00:00Z'), generatedBy: 'monthly-report-workflow', policy, city: ratesOf(rows, policy), rows,
  streets: level('street'), departments: level('department'),
});
const font = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

describe('the monthly 考核 report', () => {
  it('holds every street and department with rank, composite, 环比 and the cases behind each figure, under the named policy', () => {
    expect(previousPeriodOf(december).from.toISOString()).toBe('2026-10-31T16:00:00.000Z'); // 环比: November
    expect(report.policy).toMatchObject({ version: 1, formulas: { composite: { zh: '综合得分 = 10% × 响应率 + 50% × 解决率 + 40% × 满意率' } } });
    expect(report.streets.map((u) => [u.key, u.rank, u.rates.cases])).toEqual([[S, 1, 8]]);
    expect(report.departments.map((u) => [u.key, u.rank, u.previousComposite])).toEqual([[W, 1, 0.5], [U, 2, null]]);
    expect(report.departments[0].change).toBeCloseTo(0.98 - 0.5, 12);
    // the drill-down: every case a unit's figures count, with that unit's own marks (U: the released case only)
    expect(report.cases.filter((c) => c.unitKey === U)).toEqual([expect.objectContaining({ level: 'department', marks: ['everBreached'] })]);
    expect(report.cases.filter((c) => c.level === 'street')).toHaveLength(8);
    expect(report.cases.filter((c) => c.unitKey === W).map((c) => c.marks.includes('respondedOnTime'))).toEqual([true, false]);
  });

  it('renders an Excel workbook: overview with the policy, both rankings, the cases sheet', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await monthlyReportXlsx(report, '北丰市', (key) => names[key] ?? key) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概览', '街道排名', '部门排名', '案件明细']);
    expect(book.getWorksheet('概览')!.getCell('A1').value).toBe('北丰市 2026年12月 接诉即办考核报告');
    const departments = book.getWorksheet('部门排名')!;
    expect(departments.getRow(1).values).toEqual(expect.arrayContaining(['报到率', '答复及时率', '综合得分', '环比', '红黑榜']));
    expect(departments.getRow(2).getCell(3).value).toBe('水务局');
    expect(departments.getRow(2).getCell(5).value).toBe(0.5); // 报到率: one of two reported in on time
    expect(departments.getRow(3).getCell(11).value).toBeNull(); // U has no composite (no callback on an answer)
    expect(book.getWorksheet('案件明细')!.rowCount).toBe(1 + report.cases.length);
  });

  it('renders a Chinese PDF', async () => {
    const pdf = await monthlyReportPdf(report, '北丰市', (key) => names[key] ?? key, font);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000); // the CJK font subset is embedded
    // the text layer carries the Chinese title (pdfText reads pdfkit's CID font; the page images are in the README)
    expect(pdfText(pdf)).toContain('北丰市 2026年12月 接诉即办考核报告');
  });
});

describe('the monthly 考核 report of a big city', () => {
  const DOCUMENT_LIMIT = 16 * 1024 * 1024; // MongoDB's (and FerretDB's) largest document
  // 300 streets × 10 communities, 60 departments, 60,000 cases in the month (a third summoning a department)
  const big = cityMonthReport('2026-11', { ...BIG_CITY, cases: 60_000 });

  it('passes the document limit as one document: the drill-down holds a row per case and unit', () => {
    expect([big.streets.length, big.departments.length, big.cases.length]).toEqual([300, 60, 80_000]);
    const { cases, ...header } = big;
    expect(BSON.calculateObjectSize(big)).toBeGreaterThan(DOCUMENT_LIMIT); // ~19 MB: ~237 bytes a drill-down row
    expect(BSON.calculateObjectSize(header)).toBeLessThan(PART_BYTES); // ~150 kB: the units and the policy
    expect(cases.length).toBe(80_000);
  });

  it('splits into a header and parts each within PART_BYTES, which put back together are the report', () => {
    const { header, parts } = splitMonthlyReport(big, 'g1');
    expect(parts.length).toBe(5);
    for (const part of parts) expect(BSON.calculateObjectSize(part)).toBeLessThanOrEqual(PART_BYTES);
    expect(header.caseParts).toEqual(['2026-11:g1:0', '2026-11:g1:1', '2026-11:g1:2', '2026-11:g1:3', '2026-11:g1:4']);
    expect(BSON.calculateObjectSize(header)).toBeLessThan(DOCUMENT_LIMIT);
    const { caseParts: _parts, ...rest } = header;
    expect({ ...rest, cases: parts.flatMap((p) => p.cases) }).toEqual(big);
  });

  it('keeps a small month in one part, and a month without cases in none', () => {
    expect(splitMonthlyReport(report, 'g2').parts.map((p) => p.cases.length)).toEqual([report.cases.length]);
    expect(splitMonthlyReport({ ...report, cases: [] }, 'g3')).toMatchObject({ header: { caseParts: [] }, parts: [] });
  });
});

describe('who tells supervisors of a stored report', () => {
  const generatedAt = '2027-01-04T01:00:00.000Z';
  const at = (minutes: number) => new Date(Date.parse(generatedAt) + minutes * 60_000);

  it('its writer, also on a retry of the same run, once', () => {
    expect(announcesNow({ writer: 'run-1', generatedAt }, 'run-1', at(0))).toBe(true);
    expect(announcesNow({ writer: 'run-1', generatedAt }, 'run-1', at(30))).toBe(true);
    expect(announcesNow({ writer: 'run-1', generatedAt, announcedAt: at(1).toISOString() }, 'run-1', at(2))).toBe(false);
  });

  it('not a generator that lost the race or finds it untold while the writer is at it; anyone once the writer had its time', () => {
    expect(announcesNow({ writer: 'run-1', generatedAt }, 'run-2', at(0))).toBe(false);
    expect(announcesNow({ writer: 'run-1', generatedAt }, 'run-2', at(9))).toBe(false);
    expect(announcesNow({ writer: 'run-1', generatedAt }, 'run-2', at(10))).toBe(true);
    expect(announcesNow({ writer: 'run-1', generatedAt, announcedAt: at(1).toISOString() }, 'run-2', at(60))).toBe(false);
  });

  it('anyone who finds a report stored before writers untold', () => {
    expect(announcesNow({ generatedAt }, 'run-2', at(0))).toBe(true);
  });
});
