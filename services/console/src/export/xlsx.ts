import ExcelJS from 'exceljs';
import { chinaDateTime } from './csv';
import type { ExportTable } from './export-table';

/** The table as an Excel workbook: bold frozen header, rates as percentages, yes/no as 是/否, times in China time. */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CivicFlow';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: Math.max(10, c.header.length * 2 + 2, c.kind === 'datetime' ? 18 : 0),
    style: c.kind === 'rate' ? { numFmt: '0.0%' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map((cell, i) => {
      const kind = table.columns[i].kind;
      if (cell === null || cell === '') return null;
      if (kind === 'yes-no' && typeof cell === 'boolean') return cell ? '是' : '否';
      if (kind === 'datetime') return chinaDateTime(String(cell));
      return cell;
    }));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
