// The shipped 27/266 taxonomy and department list, read from libs/domain at build time (data only). The
// operator's pinyin search over it is lib/category-search.ts (pinyin-pro is big: only the call page loads it).
import taxonomyDocument from '../../../../../libs/domain/src/taxonomy/taxonomy.zh-CN.json';

interface RawMajor {
  code: string;
  zh: string;
  en: string;
}
interface RawMinor extends RawMajor {
  requestTypes: string[];
  department: string;
  priority: string;
  isDispute: boolean;
}

const doc = taxonomyDocument as unknown as { majors: RawMajor[]; minors: RawMinor[] };
const majors = new Map(doc.majors.map((m) => [m.code, m]));

export interface Minor extends RawMinor {
  majorCode: string;
}

export const MINORS: Minor[] = doc.minors.map((m) => ({ ...m, majorCode: m.code.slice(0, 2) }));
const minorsByCode = new Map(MINORS.map((m) => [m.code, m]));

export function minorByCode(code: string | null | undefined): Minor | undefined {
  return code ? minorsByCode.get(code) : undefined;
}

export function majorByCode(code: string): RawMajor | undefined {
  return majors.get(code);
}
