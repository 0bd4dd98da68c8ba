const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The day a case number belongs to, in China time (UTC+8, no DST). */
export function caseNumberDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** 案件编号: YYYYMMDD-NNNNNN, e.g. 20261128-000042. */
export function formatCaseNumber(day: string, seq: number): string {
  if (seq < 1 || seq > 999_999) throw new RangeError(`case sequence ${seq} is outside 1..999999`);
  return `${day}-${String(seq).padStart(6, '0')}`;
}
