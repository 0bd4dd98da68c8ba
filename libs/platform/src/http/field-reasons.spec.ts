import { saidIn, says } from '@civicflow/contracts';
import { z } from 'zod';
import { type FieldError } from './field-reasons';
import { InvalidInput, parseInput } from './invalid-input';

/** The field errors a value gets from a schema, in both languages, the way every request entry point parses. */
function refusal(schema: z.ZodType, value: unknown): { zh: FieldError[]; en: FieldError[] } {
  try {
    parseInput(schema, value);
  } catch (error) {
    if (error instanceof InvalidInput) return { zh: error.errorsIn('zh-CN'), en: error.errorsIn('en') };
    throw error;
  }
  throw new Error('the schema accepted the value');
}

// One case per zod issue code (z.core.$ZodIssue['code']): the code and field stay, the reason follows the language.
describe('field reasons, Chinese first with English on request', () => {
  it('invalid_type: a missing field is required, a wrong one names the type', () => {
    const { zh, en } = refusal(z.object({ content: z.string(), amount: z.number(), done: z.boolean(), when: z.coerce.date() }), { amount: '3', done: 'yes', when: 'soon' });
    expect(zh).toEqual([
      { field: 'content', code: 'invalid_type', reason: '必填', params: { expected: 'string', received: 'undefined' } },
      { field: 'amount', code: 'invalid_type', reason: '须为数字', params: { expected: 'number' } },
      { field: 'done', code: 'invalid_type', reason: '须为是或否（true/false）', params: { expected: 'boolean' } },
      { field: 'when', code: 'invalid_type', reason: '须为有效日期', params: { expected: 'date' } },
    ]);
    expect(en.map((e) => e.reason)).toEqual(['required', 'must be a number', 'must be true or false', 'must be a valid date']);
    expect(refusal(z.object({ n: z.coerce.number() }), { n: 'abc' }).zh[0].reason).toBe('须为数字');
    expect(refusal(z.int(), 1.5)).toMatchObject({ zh: [{ code: 'invalid_type', reason: '须为整数' }], en: [{ reason: 'must be a whole number' }] });
  });

  it('too_small: empty text, too few characters or items, a number or date below its bound', () => {
    const schema = z.object({ a: z.string().trim().min(1), b: z.string().min(3), c: z.array(z.string()).min(2), d: z.number().min(1), e: z.number().positive(), f: z.date().min(new Date('2026-01-01T00:00:00Z')), g: z.string().length(6) });
    const { zh, en } = refusal(schema, { a: '  ', b: 'ab', c: ['x'], d: 0, e: 0, f: new Date('2025-06-01T00:00:00Z'), g: '12' });
    expect(zh.map((e) => [e.field, e.code, e.reason])).toEqual([
      ['a', 'too_small', '不能为空'],
      ['b', 'too_small', '至少 3 个字符'],
      ['c', 'too_small', '至少 2 项'],
      ['d', 'too_small', '不能小于 1'],
      ['e', 'too_small', '须大于 0'],
      ['f', 'too_small', '不能早于 2026-01-01T00:00:00.000Z'],
      ['g', 'too_small', '须为 6 个字符'],
    ]);
    expect(en.map((e) => e.reason)).toEqual(['must not be empty', 'at least 3 characters', 'at least 2 items', 'must be at least 1', 'must be greater than 0', 'must be on or after 2026-01-01T00:00:00.000Z', 'must have exactly 6 characters']);
    expect(zh[1].params).toEqual({ origin: 'string', minimum: 3, inclusive: true });
  });

  it('too_big: too many characters or items, a number above its bound', () => {
    const { zh, en } = refusal(z.object({ a: z.string().max(4), b: z.array(z.number()).max(1), c: z.number().max(90), d: z.number().lt(5), e: z.bigint().max(5n) }), { a: '12345', b: [1, 2], c: 100, d: 5, e: 7n });
    expect(zh.map((e) => [e.field, e.code, e.reason])).toEqual([
      ['a', 'too_big', '不得超过 4 个字符'],
      ['b', 'too_big', '不得超过 1 项'],
      ['c', 'too_big', '不能大于 90'],
      ['d', 'too_big', '须小于 5'],
      ['e', 'too_big', '不能大于 5'],
    ]);
    expect(en.map((e) => e.reason)).toEqual(['at most 4 characters', 'at most 1 items', 'must be at most 90', 'must be less than 5', 'must be at most 5']);
    expect(zh[4].params).toEqual({ origin: 'bigint', maximum: '5', inclusive: true });
  });

  it('invalid_format: zod’s own zh-CN and English locales name the format', () => {
    const { zh, en } = refusal(z.object({ mail: z.email(), at: z.iso.datetime(), code: z.string().regex(/^\d{4}$/), web: z.url() }), { mail: 'x', at: 'soon', code: 'abc', web: 'x' });
    expect(zh.map((e) => [e.field, e.code, e.params?.format])).toEqual([['mail', 'invalid_format', 'email'], ['at', 'invalid_format', 'datetime'], ['code', 'invalid_format', 'regex'], ['web', 'invalid_format', 'url']]);
    expect(zh.map((e) => e.reason)).toEqual(['无效电子邮件', '无效ISO日期时间', '无效字符串：必须满足正则表达式 /^\\d{4}$/', '无效URL']);
    expect(en.map((e) => e.reason)).toEqual(['Invalid email address', 'Invalid ISO datetime', 'Invalid string: must match pattern /^\\d{4}$/', 'Invalid URL']);
  });

  it('invalid_value: the allowed values', () => {
    const { zh, en } = refusal(z.object({ type: z.enum(['complaint', 'inquiry']), v: z.literal(1) }), { type: 'gossip', v: 2 });
    expect(zh).toEqual([
      { field: 'type', code: 'invalid_value', reason: '无效选项：期望以下之一 "complaint"|"inquiry"', params: { values: ['complaint', 'inquiry'] } },
      { field: 'v', code: 'invalid_value', reason: '无效输入：期望 1', params: { values: ['1'] } },
    ]);
    expect(en.map((e) => e.reason)).toEqual(['Invalid option: expected one of "complaint"|"inquiry"', 'Invalid input: expected 1']);
  });

  it('not_multiple_of', () => {
    const { zh, en } = refusal(z.object({ step: z.number().multipleOf(5) }), { step: 3 });
    expect(zh).toEqual([{ field: 'step', code: 'not_multiple_of', reason: '无效数字：必须是 5 的倍数', params: { origin: 'number', divisor: 5 } }]);
    expect(en[0].reason).toBe('Invalid number: must be a multiple of 5');
  });

  it('unrecognized_keys: a strict object names the keys it does not know', () => {
    const { zh, en } = refusal(z.strictObject({ a: z.string().optional() }), { b: 1, c: 2 });
    expect(zh).toEqual([{ field: '(body)', code: 'unrecognized_keys', reason: '出现未知的键(key): "b", "c"', params: { keys: ['b', 'c'] } }]);
    expect(en[0].reason).toBe('Unrecognized keys: "b", "c"');
  });

  it('invalid_union', () => {
    const { zh, en } = refusal(z.object({ id: z.union([z.string(), z.number()]) }), { id: true });
    expect(zh).toEqual([{ field: 'id', code: 'invalid_union', reason: '无效输入' }]);
    expect(en[0].reason).toBe('Invalid input');
  });

  it('invalid_key: a record key its key schema refuses', () => {
    const { zh, en } = refusal(z.object({ hours: z.record(z.string().regex(/^[a-z]+$/), z.string()) }), { hours: { Mon: '9-5' } });
    expect(zh).toEqual([{ field: 'hours.Mon', code: 'invalid_key', reason: 'record 中的键(key)无效', params: { origin: 'record' } }]);
    expect(en[0].reason).toBe('Invalid key in record');
  });

  it('invalid_element: a map value under a key that is not a property name (not reachable from JSON, covered for completeness)', () => {
    const { zh, en } = refusal(z.map(z.object({ k: z.string() }), z.number()), new Map([[{ k: 'a' }, 'x']]));
    expect(zh).toEqual([{ field: '(body)', code: 'invalid_element', reason: 'map 中包含无效值(value)', params: { origin: 'map' } }]);
    expect(en[0].reason).toBe('Invalid value in map');
  });

  it('custom: a refinement’s own words in either language, zod’s fallback without them', () => {
    const schema = z
      .object({ lat: z.number().optional(), lng: z.number().optional(), note: z.string().optional() })
      .refine((p) => (p.lat === undefined) === (p.lng === undefined), { path: ['lat'], message: says('lat 与 lng 须同时提供', 'lat and lng go together') })
      .refine((p) => p.note !== 'x');
    const { zh, en } = refusal(schema, { lat: 1, note: 'x' });
    expect(zh).toEqual([{ field: 'lat', code: 'custom', reason: 'lat 与 lng 须同时提供' }, { field: '(body)', code: 'custom', reason: '无效输入' }]);
    expect(en.map((e) => e.reason)).toEqual(['lat and lng go together', 'Invalid input']);
  });

  it('a schema’s own words on any check (says) win over the code’s default, in the caller’s language', () => {
    const { zh, en } = refusal(z.object({ phone: z.string().regex(/^\d+$/, says('须为电话号码', 'must be a phone number')), name: z.string({ error: says('须填写姓名', 'the name is required') }) }), { phone: 'call me' });
    expect(zh).toEqual([
      { field: 'phone', code: 'invalid_format', reason: '须为电话号码', params: { origin: 'string', format: 'regex', pattern: '/^\\d+$/' } },
      { field: 'name', code: 'invalid_type', reason: '须填写姓名', params: { expected: 'string', received: 'undefined' } },
    ]);
    expect(en.map((e) => e.reason)).toEqual(['must be a phone number', 'the name is required']);
  });

  it('keeps the halves of says() apart even when a reason quotes a separator the caller sent', () => {
    const reason = says('文件 a\u001fb.txt 不是照片', 'file a\u001fb.txt is not a photo');
    expect([saidIn(reason, 'zh-CN'), saidIn(reason, 'en')]).toEqual(['文件 a b.txt 不是照片', 'file a b.txt is not a photo']);
  });

  it('never echoes the input (it may be a phone or ID number)', () => {
    const { zh, en } = refusal(z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/), phone: z.number() }), { idNumber: '11010519491231002Y', phone: '13800138000' });
    expect(JSON.stringify([zh, en])).not.toMatch(/11010519491231002Y|13800138000/);
  });
});
