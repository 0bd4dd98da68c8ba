import type { Cell, ColumnKind, ExportTable } from './export-table';

const BOM = '\uFEFF';
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD HH:mm' in China time; the input as it is when it is not a date. */
export function chinaDateTime(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A cell as CSV text: rates as percentages with one decimal, yes/no as 是/否, times in China time, empty for null. */
export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'rate':
      return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : String(value);
    case 'yes-no':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'datetime':
      return chinaDateTime(String(value));
    default:
      return String(value);
  }
}

/** Quotes what needs it, and defuses text a spreadsheet would run as a formula (=, +, -, @ first). */
export function csvField(text: string, kind: ColumnKind = 'text'): string {
  const safe = kind === 'text' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 CSV with a BOM (so Excel reads the Chinese headers right), CRLF line ends. */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => csvField(c.header)).join(',')];
  for (const row of table.rows) lines.push(row.map((cell, i) => csvField(formatCell(cell, table.columns[i].kind), table.columns[i].kind)).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
