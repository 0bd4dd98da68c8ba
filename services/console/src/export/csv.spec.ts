import { toCsv, csvField, formatCell } from './csv';
import { casesTable, summaryTable } from './export-table';
import { toXlsx } from './xlsx';
import ExcelJS from 'exceljs';

const rates = (cases: number, responded: number) => ({
  cases, responded, responseRate: cases ? responded / cases : null, respondedOnTime: responded, respondedOnTimeRate: cases ? responded / cases : null,
  resolved: 0, resolutionRate: cases ? 0 : null, callbacks: 0, satisfied: 0, basicallySatisfied: 0, satisfactionRate: null, composite: null, onTime: 0, onTimeRate: null, escalated: 0, escalationRate: cases ? 0 : null, returned: 0, returnRate: cases ? 0 : null, reopened: 0, reopenRate: cases ? 0 : null,
});
const summary = {
  period: { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' },
  total: rates(3, 2),
  groups: [{ key: 'bf-d01-s01', name: '友谊路街道', rates: rates(2, 2) }, { key: 'bf-d01-s02', name: '=cmd|"x",1', rates: rates(1, 0) }],
};

describe('CSV export', () => {
  it('starts with a BOM, has Chinese headers, the total first, rates as percentages, CRLF lines', () => {
    const csv = toCsv(summaryTable(summary, 'street'));
    expect(csv.startsWith('\uFEFF街道编码,街道名称,案件数,响应数,响应率,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(5); // header, total, two groups, trailing empty
    expect(lines[1]).toBe(',合计,3,2,66.7%,2,66.7%,0,0.0%,0,0,0,,,0,,0,0.0%,0,0.0%,0,0.0%');
    expect(lines[2].startsWith('bf-d01-s01,友谊路街道,2,2,100.0%')).toBe(true);
    // a formula-looking name is defused and quoted
    expect(lines[3].startsWith(`bf-d01-s02,"'=cmd|""x"",1",1,0,0.0%`)).toBe(true);
  });

  it('formats cells by column kind', () => {
    expect(formatCell(null, 'rate')).toBe('');
    expect(formatCell(0.12345, 'rate')).toBe('12.3%');
    expect(formatCell(true, 'yes-no')).toBe('是');
    expect(formatCell('2026-11-28T01:05:00.000Z', 'datetime')).toBe('2026-11-28 09:05');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('-3', 'count')).toBe('-3');
  });

  it('lists drill-down cases with names, 是/否, channel, departments and satisfaction in Chinese', () => {
    const table = casesTable([{ caseNumber: '20261128-000001', registeredAt: '2026-11-28T01:00:00.000Z', channel: 'hotline', categoryCode: '0208', categoryName: null,
      streetId: 'bf-d01-s01', streetName: '友谊路街道', responded: true, resolved: false, satisfaction: 'basically-satisfied', departmentIds: ['dept-water', 'dept-power'], reopenedCount: 1 }]);
    const csv = toCsv(table).slice(1).split('\r\n');
    expect(csv[0].split(',').slice(0, 4)).toEqual(['案件编号', '受理时间', '渠道', '类别']);
    const row = csv[1].split(',');
    expect(row.slice(0, 6)).toEqual(['20261128-000001', '2026-11-28 09:00', '12345热线', '0208', '', '友谊路街道']);
    expect(row).toEqual(expect.arrayContaining(['基本满意', '水务局、供电公司', '是', '否']));
    expect(csv[1]).not.toMatch(/dept-/);
  });
});

describe('Excel export', () => {
  it('writes the same rows with rates as percentage cells', async () => {
    const buffer = await toXlsx(summaryTable(summary, 'street'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(5).value).toBe('响应率');
    expect(sheet.getRow(2).getCell(2).value).toBe('合计');
    expect(sheet.getRow(2).getCell(5).value).toBeCloseTo(2 / 3);
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('0.0%');
    expect(sheet.rowCount).toBe(4);
  });
});
