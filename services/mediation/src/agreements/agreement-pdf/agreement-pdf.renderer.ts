import PDFDocument from 'pdfkit';
import { assertPdfFont, pdfBuffer, pdfFontArgs, type PdfFont } from '@civicflow/platform';
import { AgreementDocument } from './agreement-document';

/** Fails at start-up rather than at the first agreement printed. */
export const assertAgreementFont = (font: PdfFont) => assertPdfFont(font, 'MEDIATION_PDF_FONT');

const A4 = { width: 595.28, margin: 56 };
const COLUMNS = [40, 110, 200, 133] as const; // 序号, 履行义务人, 履行内容, 履行期限 (sum = printable width)

/** Lays the document out on A4 in the CJK font: title, parties, facts, a terms table, clauses, a signatures block. */
export function renderAgreementPdf(content: AgreementDocument, font: PdfFont): Promise<Buffer> {
  assertAgreementFont(font);
  const doc = new PDFDocument({ size: 'A4', margin: A4.margin, info: { Title: content.title, Subject: content.number, Creator: 'CivicFlow 矛盾调解' } });
  doc.registerFont('cjk', ...pdfFontArgs(font));
  const done = pdfBuffer(doc);
  const width = A4.width - 2 * A4.margin;
  const left = A4.margin;

  doc.font('cjk').fontSize(20).text(content.title, { align: 'center' });
  doc.moveDown(0.3).fontSize(9).text(content.number, { align: 'center' });
  doc.moveDown(1).fontSize(11);
  for (const line of content.parties) doc.text(line, { width });
  doc.moveDown(0.6);
  for (const line of content.facts) doc.text(line, { width });
  doc.moveDown(0.6);

  // 协议条款表
  const row = (cells: readonly string[], header: boolean) => {
    doc.fontSize(header ? 10.5 : 10);
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: COLUMNS[i] - 8 }));
    const height = Math.max(...heights) + 8;
    if (doc.y + height > doc.page.height - A4.margin) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.rect(x, top, COLUMNS[i], height).stroke();
      doc.text(cell, x + 4, top + 4, { width: COLUMNS[i] - 8 });
      x += COLUMNS[i];
    });
    doc.x = left;
    doc.y = top + height;
  };
  row(content.termsHeader, true);
  for (const cells of content.termRows) row(cells, false);

  doc.moveDown(1).fontSize(11);
  content.clauses.forEach((clause, i) => doc.text(`${i + 1}. ${clause}`, left, doc.y, { width }));
  doc.moveDown(1.5);

  // 签名栏
  for (const signature of content.signatures) {
    if (doc.y + 30 > doc.page.height - A4.margin) doc.addPage();
    const top = doc.y;
    doc.text(signature.label, left, top, { width: 170 });
    doc.text(signature.line, left + 180, top, { width: 150 });
    doc.moveTo(left + 340, top + 14).lineTo(left + width, top + 14).stroke();
    doc.x = left;
    doc.y = top + 30;
  }
  doc.moveDown(1).text(content.footer, left, doc.y, { width, align: 'right' });
  doc.end();
  return done;
}
