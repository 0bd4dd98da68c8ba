import ExcelJS from 'exceljs';
import { toChinaWallClock } from '@civicflow/domain';
import { CASE_MARKS, MARK_NAMES, MonthlyReport, MonthlyReportUnit } from './monthly-report';

type Column = { header: string; width: number; rate?: true; value: (u: MonthlyReportUnit) => string | number | null };

const LIST_NAMES = { red: '红榜', black: '黑榜' } as const;

function unitColumns(level: 'street' | 'department'): Column[] {
  const dept = level === 'department';
  return [
    { header: '排名', width: 6, value: (u) => u.rank },
    { header: dept ? '部门编码' : '街道编码', width: 24, value: (u) => u.key },
    { header: dept ? '部门' : '街道', width: 22, value: (u) => u.name },
    { header: '案件数', width: 8, value: (u) => u.rates.cases },
    { header: dept ? '报到率' : '按时响应率', width: 11, rate: true, value: (u) => u.rates.respondedOnTimeRate },
    { header: '响应率', width: 9, rate: true, value: (u) => u.rates.responseRate },
    { header: dept ? '解决率(答复)' : '解决率', width: 12, rate: true, value: (u) => u.rates.resolutionRate },
    { header: dept ? '答复及时率' : '按时办结率', width: 11, rate: true, value: (u) => u.rates.onTimeRate },
    { header: '有效回访', width: 9, value: (u) => u.rates.callbacks },
    { header: '满意率', width: 9, rate: true, value: (u) => u.rates.satisfactionRate },
    { header: '综合得分', width: 22, rate: true, value: (u) => u.rates.composite },
    { header: '上月综合得分', width: 13, rate: true, value: (u) => u.previousComposite },
    { header: '环比', width: 9, rate: true, value: (u) => u.change },
    { header: '红黑榜', width: 8, value: (u) => (u.list ? LIST_NAMES[u.list] : null) },
  ];
}

const COMPOSITE_COLUMN = 11; // 综合得分 (1-based), drawn as data bars: the sheet's chart

function addUnitSheet(workbook: ExcelJS.Workbook, title: string, units: readonly MonthlyReportUnit[], level: 'street' | 'department'): void {
  const columns = unitColumns(level);
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.rate ? { numFmt: '0.0%' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const unit of units) {
    const row = sheet.addRow(columns.map((c) => c.value(unit)));
    if (unit.list) row.getCell(columns.length).font = { bold: true, color: { argb: unit.list === 'red' ? 'FFC00000' : 'FF000000' } };
  }
  if (units.length > 0) {
    const letter = sheet.getColumn(COMPOSITE_COLUMN).letter;
    sheet.addConditionalFormatting({
      ref: `${letter}2:${letter}${units.length + 1}`,
      rules: [{ type: 'dataBar', priority: 1, gradient: false, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: 'FF1677FF' } } as ExcelJS.ConditionalFormattingRule],
    });
  }
}

/** The report as an Excel workbook: 概览 (policy, formulas, city total), 街道排名, 部门排名 (composite as data bars), 案件明细 (the cases behind every figure). */
export async function monthlyReportXlsx(report: MonthlyReport, cityName: string, unitName: (key: string) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CivicFlow';
  workbook.created = new Date(report.generatedAt);
  const [year, month] = report.month.split('-');
  const overview = workbook.addWorksheet('概览');
  overview.columns = [{ width: 22 }, { width: 90 }];
  const line = (label: string, value: string | number | null, rate = false) => {
    const row = overview.addRow([label, value]);
    if (rate) row.getCell(2).numFmt = '0.0%';
    row.getCell(1).font = { bold: true };
  };
  overview.addRow([`${cityName} ${year}年${Number(month)}月 接诉即办考核报告`]).font = { bold: true, size: 16 };
  overview.addRow([]);
  line('统计时段', `${toChinaWallClock(new Date(report.period.from)).date} 至 ${toChinaWallClock(new Date(new Date(report.period.to).getTime() - 1)).date}（按受理时间）`);
  const generated = toChinaWallClock(new Date(report.generatedAt));
  line('生成时间', `${generated.date} ${generated.time.slice(0, 5)}（${report.generatedBy}）`);
  line('考核口径', `第 ${report.policy.version} 版，自 ${report.policy.effectiveFrom} 起施行：${report.policy.note}`);
  for (const formula of Object.values(report.policy.formulas)) line('', formula.zh);
  line('红黑榜', `各 ${report.policy.lists.size} 名，案件数不少于 ${report.policy.lists.minCases} 件的单位参评（按综合得分）`);
  overview.addRow([]);
  line('全市案件数', report.city.cases);
  line('响应率', report.city.responseRate, true);
  line('解决率', report.city.resolutionRate, true);
  line('满意率', report.city.satisfactionRate, true);
  line('综合得分', report.city.composite, true);
  line('按时办结率', report.city.onTimeRate, true);

  addUnitSheet(workbook, '街道排名', report.streets, 'street');
  addUnitSheet(workbook, '部门排名', report.departments, 'department');

  const cases = workbook.addWorksheet('案件明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  cases.columns = [
    { header: '层级', width: 8 }, { header: '单位编码', width: 24 }, { header: '单位', width: 22 }, { header: '案件编号', width: 18 }, { header: '受理时间', width: 18 },
    ...CASE_MARKS.map((mark) => ({ header: MARK_NAMES[mark], width: Math.max(8, MARK_NAMES[mark].length * 2 + 2) })),
  ];
  cases.getRow(1).font = { bold: true };
  for (const c of report.cases) {
    const at = toChinaWallClock(new Date(c.registeredAt));
    cases.addRow([c.level === 'street' ? '街道' : '部门', c.unitKey, unitName(c.unitKey), c.caseNumber, `${at.date} ${at.time.slice(0, 5)}`, ...CASE_MARKS.map((mark) => (c.marks.includes(mark) ? '是' : '否'))]);
  }
  cases.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 + CASE_MARKS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
