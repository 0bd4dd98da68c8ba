import PDFDocument from 'pdfkit';
import { assertPdfFont, pdfBuffer, pdfFontArgs, type PdfFont } from '@civicflow/platform';
import { toChinaWallClock } from '@civicflow/domain';
import { MonthlyReport, MonthlyReportCase, MonthlyReportUnit } from './monthly-report';


const PAGE = { width: 841.89, height: 595.28, margin: 40 }; // A4 landscape
const BAR = { red: '#c00000', black: '#262626', plain: '#1677ff' } as const;
/** Cases listed per unit and list in the PDF's appendix; the Excel file has every one. */
const APPENDIX_CASES = 40;

const chinaDate = (instant: string | number) => toChinaWallClock(new Date(instant)).date;
const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const signed = (value: number | null) => (value === null ? '—' : `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}`);
const LIST = { red: '红榜', black: '黑榜' } as const;

/**
 * The report as a Chinese PDF (A4 landscape): the policy and its formulas, the city's figures, a bar chart of the
 * composite and a table per level (streets, departments) with 环比 and the 红黑榜, and an appendix with the cases each
 * unit was not credited for (not responded, not resolved, unsatisfied), up to 40 per list (the Excel file has all).
 */
export function monthlyReportPdf(report: MonthlyReport, cityName: string, unitName: (key: string) => string, font: PdfFont): Promise<Buffer> {
  assertPdfFont(font, 'CASEWORK_REPORT_FONT');
  const [year, month] = report.month.split('-');
  const title = `${cityName} ${year}年${Number(month)}月 接诉即办考核报告`;
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: PAGE.margin, info: { Title: title, Creator: 'CivicFlow 统计分析' } });
  doc.registerFont('cjk', ...pdfFontArgs(font));
  const done = pdfBuffer(doc);
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const bottom = PAGE.height - PAGE.margin;

  doc.font('cjk').fontSize(20).text(title, { align: 'center' });
  doc.moveDown(0.4).fontSize(10).text(`统计时段 ${chinaDate(report.period.from)} 至 ${chinaDate(new Date(report.period.to).getTime() - 1)}（按受理时间） · 生成于 ${chinaDate(report.generatedAt)} ${toChinaWallClock(new Date(report.generatedAt)).time.slice(0, 5)}`, { align: 'center' });
  doc.moveDown(0.8).fontSize(11).text(`考核口径：第 ${report.policy.version} 版，自 ${report.policy.effectiveFrom} 起施行 —— ${report.policy.note}`, left, doc.y, { width });
  doc.fontSize(9.5);
  for (const formula of Object.values(report.policy.formulas)) doc.text(`· ${formula.zh}`, { width });
  doc.text(`· 红黑榜：按综合得分各取 ${report.policy.lists.size} 名，案件数不少于 ${report.policy.lists.minCases} 件的单位参评`, { width });
  const c = report.city;
  doc.moveDown(0.6).fontSize(12).text(
    `全市 案件 ${c.cases} 件 · 响应率 ${pct(c.responseRate)} · 解决率 ${pct(c.resolutionRate)} · 满意率 ${pct(c.satisfactionRate)} · 综合得分 ${pct(c.composite)} · 按时办结率 ${pct(c.onTimeRate)}`,
    { width },
  );

  const chart = (heading: string, units: readonly MonthlyReportUnit[]) => {
    const shown = units.filter((u) => u.rates.composite !== null).slice(0, 20);
    const rowHeight = 14;
    if (doc.y + 30 + shown.length * rowHeight > bottom) doc.addPage();
    doc.moveDown(0.8).fontSize(12).text(heading, left, doc.y);
    doc.moveDown(0.3);
    const labelWidth = 150;
    const barWidth = width - labelWidth - 70;
    for (const unit of shown) {
      const y = doc.y;
      doc.fontSize(9).fillColor('black').text(`${unit.rank}. ${unit.name}`, left, y + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
      doc.rect(left + labelWidth, y + 2, Math.max(1, barWidth * (unit.rates.composite ?? 0)), rowHeight - 4).fill(unit.list ? BAR[unit.list] : BAR.plain);
      doc.fillColor('black').text(`${pct(unit.rates.composite)}${unit.list ? ` ${LIST[unit.list]}` : ''}`, left + labelWidth + barWidth * (unit.rates.composite ?? 0) + 4, y + 2, { lineBreak: false });
      doc.x = left;
      doc.y = y + rowHeight;
    }
    if (shown.length === 0) doc.fontSize(9).text('（本月无可计算综合得分的单位）', left, doc.y);
  };

  const table = (heading: string, units: readonly MonthlyReportUnit[], department: boolean) => {
    const headers = ['排名', department ? '部门' : '街道', '案件', department ? '报到率' : '按时响应率', '响应率', '解决率', department ? '答复及时率' : '按时办结率', '满意率', '综合得分', '环比', '红黑榜'];
    const widths = [40, 190, 50, 70, 60, 60, 75, 60, 70, 60, 50];
    const cells = (u: MonthlyReportUnit) => [String(u.rank), u.name, String(u.rates.cases), pct(u.rates.respondedOnTimeRate), pct(u.rates.responseRate), pct(u.rates.resolutionRate),
      pct(u.rates.onTimeRate), pct(u.rates.satisfactionRate), pct(u.rates.composite), signed(u.change), u.list ? LIST[u.list] : ''];
    doc.addPage().fontSize(13).text(heading, left, PAGE.margin);
    doc.moveDown(0.4);
    const row = (values: string[], header: boolean, list: MonthlyReportUnit['list'] = null) => {
      if (doc.y + 16 > bottom) doc.addPage();
      const y = doc.y;
      let x = left;
      doc.fontSize(header ? 9.5 : 9).fillColor(list === 'red' ? BAR.red : 'black');
      values.forEach((value, i) => {
        doc.text(value, x + 3, y + 3, { width: widths[i] - 6, lineBreak: false, ellipsis: true });
        x += widths[i];
      });
      doc.moveTo(left, y + 16).lineTo(left + widths.reduce((a, b) => a + b, 0), y + 16).lineWidth(header ? 1 : 0.3).strokeColor('#999999').stroke();
      doc.fillColor('black');
      doc.x = left;
      doc.y = y + 16;
    };
    row(headers, true);
    for (const unit of units) row(cells(unit), false, unit.list);
    if (units.length === 0) doc.fontSize(9).text('（本月无案件）', left, doc.y + 4);
  };

  chart('各街道综合得分', report.streets);
  chart('各部门综合得分', report.departments);
  table('街道考核排名', report.streets, false);
  table('部门考核排名', report.departments, true);

  // 附录: the cases behind the misses, per unit
  doc.addPage().fontSize(13).text('附录：各单位未计入的案件（下钻）', left, PAGE.margin);
  doc.fontSize(9).text(`每类最多列出 ${APPENDIX_CASES} 件；全部案件及其逐项标记见 Excel 报告“案件明细”。`, { width });
  const byUnit = new Map<string, MonthlyReportCase[]>();
  for (const item of report.cases) byUnit.set(`${item.level}:${item.unitKey}`, [...(byUnit.get(`${item.level}:${item.unitKey}`) ?? []), item]);
  const lists: [string, (c: MonthlyReportCase) => boolean][] = [
    ['未响应', (x) => !x.marks.includes('responded')],
    ['未解决', (x) => !x.marks.includes('resolved')],
    ['不满意', (x) => x.marks.includes('unsatisfied')],
  ];
  for (const [key, cases] of byUnit) {
    const misses = lists.map(([label, miss]) => [label, cases.filter(miss)] as const).filter(([, found]) => found.length > 0);
    if (misses.length === 0) continue;
    if (doc.y + 40 > bottom) doc.addPage();
    doc.moveDown(0.5).fontSize(10.5).text(`${unitName(key.slice(key.indexOf(':') + 1))}（${cases.length} 件）`, left, doc.y, { width });
    doc.fontSize(8.5);
    for (const [label, found] of misses) {
      const shown = found.slice(0, APPENDIX_CASES).map((x) => x.caseNumber).join('  ');
      doc.text(`${label} ${found.length} 件：${shown}${found.length > APPENDIX_CASES ? ' …' : ''}`, left + 12, doc.y, { width: width - 12 });
    }
  }
  doc.end();
  return done;
}
