// A schema's own word for a field (须为电话号码 / must be a phone number), said in both languages. zod carries a
// message as one string, so both halves travel in it, joined by the ASCII unit separator; the HTTP error filter
// answers the half the caller's language asks for (libs/platform/src/http/field-reasons.ts).
const UNIT_SEPARATOR = '\u001f';

export type SaidLocale = 'zh-CN' | 'en';

/** A field reason in Chinese and English, for a zod message: `.regex(re, says('须为电话号码', 'must be a phone number'))`. */
export function says(zh: string, en: string): string {
  // a reason may quote what the caller sent (a file name): a separator in it must not split the message
  const plain = (text: string) => text.replaceAll(UNIT_SEPARATOR, ' ');
  return `${plain(zh)}${UNIT_SEPARATOR}${plain(en)}`;
}

/** The half of a `says` message in the locale; undefined for any other text. */
export function saidIn(message: string, locale: SaidLocale): string | undefined {
  const at = message.indexOf(UNIT_SEPARATOR);
  if (at < 0) return undefined;
  return locale === 'en' ? message.slice(at + 1) : message.slice(0, at);
}
