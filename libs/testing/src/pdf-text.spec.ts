import PDFDocument from 'pdfkit';
import { pdfFontArgs, pdfBuffer } from '@civicflow/platform';
import { pdfText } from './pdf-text';

const font = { path: process.env.MEDIATION_PDF_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

async function pdfOf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument();
  const bytes = pdfBuffer(doc);
  doc.registerFont('cjk', ...pdfFontArgs(font));
  for (const line of lines) doc.font('cjk').text(line);
  doc.end();
  return bytes;
}

describe('pdfText', () => {
  it('reads back what pdfkit wrote in the CJK font, in order', async () => {
    expect(pdfText(await pdfOf(['人民调解协议书', '编号：XY-0001　2026年12月15日']))).toBe('人民调解协议书\n编号：XY-0001　2026年12月15日');
  });

  it('reads a ligature (fi, ffi: one glyph for several characters) and every character after it', async () => {
    // the ligature's map entry holds several code units; skipping it shifted every later glyph by one
    expect(pdfText(await pdfOf(['office fifty 人民调解', '修复卫生间防水层 2027年12月15日']))).toBe('office fifty 人民调解\n修复卫生间防水层 2027年12月15日');
  });
});
