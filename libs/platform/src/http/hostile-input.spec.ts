import { saidIn, says } from '@civicflow/contracts';
import { findHostileInput, MAX_BODY_DEPTH } from './hostile-input';

describe('hostile input', () => {
  it('lets ordinary Chinese text, line breaks and tabs through', () => {
    expect(findHostileInput({ summary: '楼道灯不亮，\n已报修。\t编号 3', items: [{ note: 'ok' }], n: 1, flag: true, nothing: null })).toBeUndefined();
  });

  it('names the field holding NUL, another control character or a bidi override', () => {
    expect(findHostileInput({ a: { b: ['x', 'gpj\u202Eexe.'] } })).toEqual({ field: 'a.b.1', code: 'forbidden_character', reason: says('含有控制字符或双向字符 U+202E', 'contains the control or bidirectional character U+202E') });
    expect(findHostileInput({ name: 'a\u0000b' })).toMatchObject({ field: 'name', code: 'forbidden_character', reason: expect.stringContaining('U+0000') });
    expect(findHostileInput({ name: 'bell\u0007' })?.field).toBe('name');
    expect(findHostileInput({ name: 'isolate\u2066' })?.field).toBe('name');
    expect(findHostileInput({ ['ke\u0000y']: 1 })?.field).toBe('ke\u0000y');
    expect(findHostileInput('\u0085')?.field).toBe('(body)');
  });

  it('refuses nesting deeper than the limit without overflowing the stack, however deep', () => {
    const deep = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000));
    expect(findHostileInput(deep)).toEqual({ field: expect.any(String), code: 'too_deep', reason: says(`嵌套超过 ${MAX_BODY_DEPTH} 层`, `nested deeper than ${MAX_BODY_DEPTH} levels`) });
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_BODY_DEPTH; i++) ok = { x: ok };
    expect(findHostileInput(ok)).toBeUndefined();
    expect(saidIn(findHostileInput({ x: ok })!.reason, 'en')).toMatch(/nested deeper/);
  });
});
