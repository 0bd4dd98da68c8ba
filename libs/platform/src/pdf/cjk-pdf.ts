import { existsSync } from 'node:fs';
import type { EventEmitter } from 'node:events';

/** The Chinese font a PDF is set in (协议书, 考核报告): pdfkit's built-in fonts have no Chinese glyphs. */
export interface PdfFont {
  /** a .ttc, .ttf or .otf file with Chinese glyphs */
  path: string;
  /** the font's PostScript name inside a collection (.ttc) */
  family: string;
}

export class PdfFontMissingError extends Error {
  /** `setting`: the environment variable that names the font, so the message says what to change. */
  constructor(path: string, setting: string) {
    super(`找不到中文字体 ${path}；请安装 apt-get install fonts-noto-cjk 或设置 ${setting} ` +
      `(the CJK font ${path} is missing: apt-get install fonts-noto-cjk, or point ${setting} at a CJK font)`);
    this.name = 'PdfFontMissingError';
  }
}

/** Services call it at start-up, so a missing font fails the start rather than the first document printed. */
export function assertPdfFont(font: PdfFont, setting: string): void {
  if (!existsSync(font.path)) throw new PdfFontMissingError(font.path, setting);
}

/** pdfkit's `registerFont` arguments for the font: a collection (.ttc) needs the family named inside it. */
export function pdfFontArgs(font: PdfFont): [string, string | undefined] {
  return [font.path, font.path.toLowerCase().endsWith('.ttc') ? font.family : undefined];
}

/** The whole document once it ends (pdfkit streams its bytes as it lays them out). */
export function pdfBuffer(doc: EventEmitter): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
