import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF pdfkit wrote with one embedded CID font (as the agreement is): its streams are inflated, the
 * font's ToUnicode map read, and the glyph strings of every TJ/Tj mapped back to characters. Enough to check what
 * a generated agreement says (tests, and a sanity check); not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const marker = /(?<!end)stream\r?\n/g;
  for (let m = marker.exec(raw); m; m = marker.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1'));
    }
    marker.lastIndex = end;
  }
  const glyphs = new Map<number, string>();
  for (const s of streams.filter((x) => x.includes('begincmap'))) {
    for (const section of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const line of section[1].split('\n')) {
        const array = /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/i.exec(line);
        const offset = /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*<([0-9a-f]+)>/i.exec(line);
        if (array) {
          const first = parseInt(array[1], 16);
          // a ligature's glyph (fi, ffi) stands for several characters: its entry holds several units, space-separated
          [...array[3].matchAll(/<([0-9a-f ]+)>/gi)].forEach((u, i) => glyphs.set(first + i, decodeUtf16(u[1])));
        } else if (offset) {
          const [first, last, base] = [parseInt(offset[1], 16), parseInt(offset[2], 16), parseInt(offset[3], 16)];
          for (let g = first; g <= last; g++) glyphs.set(g, String.fromCodePoint(base + g - first));
        }
      }
    }
  }
  const lines: string[] = [];
  for (const s of streams.filter((x) => /\bBT\b[\s\S]*\bT[Jj]\b/.test(x))) {
    for (const op of s.matchAll(/\[((?:<[0-9a-f]*>|[^\]])*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]) : [op[2]];
      lines.push(hexes.map((hex) => hex.match(/.{4}/g)?.map((g) => glyphs.get(parseInt(g, 16)) ?? '').join('') ?? '').join(''));
    }
  }
  return lines.join('\n');
}

function decodeUtf16(hex: string): string {
  const units = hex.replace(/\s+/g, '').match(/.{4}/g)?.map((u) => parseInt(u, 16)) ?? [];
  return String.fromCharCode(...units);
}
