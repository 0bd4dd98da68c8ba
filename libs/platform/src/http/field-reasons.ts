import { saidIn } from '@civicflow/contracts';
import { z } from 'zod';
import type { Locale } from './error-messages';

/**
 * A 400's word on one field: where (`location.lat`), what for a program (zod's issue code and its parameters:
 * `too_big` with `maximum: 4000`, `origin: 'string'`), and why for a person, in the caller's language.
 * The input itself is never echoed (it may be a phone or ID number).
 */
export interface FieldError {
  field: string;
  code: string;
  reason: string;
  params?: Record<string, string | number | boolean | string[]>;
}

/** What the schema library says about a field, as zod reports it (with the input when parsed with `reportInput`). */
export type SchemaIssue = z.core.$ZodIssue & { input?: unknown };

/**
 * The message zod gives an issue when the schema has no word of its own: the request parse asks for it (a
 * per-parse error map ranks below a schema's own message), and the reason is then made from the issue's code and
 * parameters in the caller's language rather than from zod's English sentence.
 */
export const SCHEMA_DEFAULT_MESSAGE = '\u0000schema-default';

const zodLocales = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError } as const;

/** Types as people name them (zod's own zh-CN map leaves "string" untranslated). */
const typeNames: Record<string, Record<Locale, string>> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  bigint: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是或否（true/false）', en: 'true or false' },
  object: { 'zh-CN': '对象', en: 'an object' },
  array: { 'zh-CN': '列表', en: 'a list' },
  date: { 'zh-CN': '有效日期', en: 'a valid date' },
  null: { 'zh-CN': '空值（null）', en: 'null' },
  file: { 'zh-CN': '文件', en: 'a file' },
};

/** What a length counts, per kind of value (zod's `origin`). */
const units: Record<string, Record<Locale, string>> = {
  string: { 'zh-CN': '个字符', en: 'characters' },
  array: { 'zh-CN': '项', en: 'items' },
  set: { 'zh-CN': '项', en: 'items' },
  map: { 'zh-CN': '项', en: 'entries' },
  file: { 'zh-CN': '字节', en: 'bytes' },
};

const shown = (limit: unknown) => (limit instanceof Date ? limit.toISOString() : String(limit));

function invalidType(issue: z.core.$ZodIssueInvalidType & { input?: unknown }, locale: Locale): string | undefined {
  if (issue.input === undefined && !('received' in issue)) return locale === 'en' ? 'required' : '必填';
  const type = typeNames[issue.expected];
  if (!type) return undefined;
  return locale === 'en' ? `must be ${type.en}` : `须为${type['zh-CN']}`;
}

function outOfRange(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, locale: Locale): string | undefined {
  const small = issue.code === 'too_small';
  const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  const unit = units[issue.origin];
  if (unit) {
    const n = Number(limit);
    if (issue.exact) return locale === 'en' ? `must have exactly ${n} ${unit.en}` : `须为 ${n} ${unit['zh-CN']}`;
    if (small && n === 1 && issue.inclusive !== false) return locale === 'en' ? 'must not be empty' : '不能为空';
    const bound = small ? (issue.inclusive === false ? n + 1 : n) : issue.inclusive === false ? n - 1 : n;
    if (small) return locale === 'en' ? `at least ${bound} ${unit.en}` : `至少 ${bound} ${unit['zh-CN']}`;
    return locale === 'en' ? `at most ${bound} ${unit.en}` : `不得超过 ${bound} ${unit['zh-CN']}`;
  }
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint' || issue.origin === 'date') {
    const date = issue.origin === 'date';
    // zod gives a date's bound in milliseconds
    const value = date ? new Date(Number(limit)).toISOString() : shown(limit);
    if (small) {
      if (issue.inclusive === false) return locale === 'en' ? `must be ${date ? 'after' : 'greater than'} ${value}` : `须${date ? '晚于' : '大于'} ${value}`;
      return locale === 'en' ? `must be ${date ? 'on or after' : 'at least'} ${value}` : `不能${date ? '早于' : '小于'} ${value}`;
    }
    if (issue.inclusive === false) return locale === 'en' ? `must be ${date ? 'before' : 'less than'} ${value}` : `须${date ? '早于' : '小于'} ${value}`;
    return locale === 'en' ? `must be ${date ? 'on or before' : 'at most'} ${value}` : `不能${date ? '晚于' : '大于'} ${value}`;
  }
  return undefined;
}

/** The reason for one issue in the locale: the schema's own word (`says`), else one made from the issue's code. */
export function reasonOf(issue: SchemaIssue, locale: Locale): string {
  if (issue.message && issue.message !== SCHEMA_DEFAULT_MESSAGE) return saidIn(issue.message, locale) ?? issue.message;
  let reason: string | undefined;
  if (issue.code === 'invalid_type') reason = invalidType(issue, locale);
  else if (issue.code === 'too_small' || issue.code === 'too_big') reason = outOfRange(issue, locale);
  // the other codes (invalid_format, invalid_value, not_multiple_of, unrecognized_keys, invalid_union, invalid_key,
  // invalid_element, custom) read well as zod's own locales say them
  if (reason) return reason;
  const said = zodLocales[locale](issue as never);
  return (typeof said === 'string' ? said : said?.message) ?? (locale === 'en' ? 'invalid input' : '无效输入');
}

const PARAMS = ['expected', 'origin', 'format', 'minimum', 'maximum', 'inclusive', 'exact', 'divisor', 'values', 'keys', 'prefix', 'suffix', 'includes', 'pattern'] as const;

/** The issue's parameters a client can act on (limits, the allowed values), JSON-safe; never the input. */
function paramsOf(issue: SchemaIssue): FieldError['params'] {
  const params: NonNullable<FieldError['params']> = {};
  const source = issue as unknown as Record<string, unknown>;
  for (const key of PARAMS) {
    const value = source[key];
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'boolean') params[key] = value;
    else if (typeof value === 'number') params[key] = Number.isFinite(value) ? value : String(value);
    else if (typeof value === 'bigint' || value instanceof Date) params[key] = shown(value);
    else if (Array.isArray(value)) params[key] = value.map((v) => String(v));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined && !('received' in issue)) params.received = 'undefined';
  return Object.keys(params).length > 0 ? params : undefined;
}

export function fieldPathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(body)';
}

/** Every issue as a field error in the locale. */
export function fieldErrorsOf(issues: readonly SchemaIssue[], locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const params = paramsOf(issue);
    return { field: fieldPathOf(issue.path), code: issue.code, reason: reasonOf(issue, locale), ...(params ? { params } : {}) };
  });
}
