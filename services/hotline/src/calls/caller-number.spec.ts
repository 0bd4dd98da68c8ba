import { CallerNumberProtector } from './caller-number';

describe('CallerNumberProtector', () => {
  const protector = new CallerNumberProtector('a-test-secret-that-is-long-enough-0000');

  it('masks a mobile number as 138****1234', () => {
    expect(protector.mask('13812341234')).toBe('138****1234');
    expect(protector.mask('+86 138-1234-1234')).toBe('138****1234');
  });

  it('gives the same lookup hash for the same number however it is written, and a different one for another number', () => {
    expect(protector.lookupHash('+8613812341234')).toBe(protector.lookupHash('138 1234 1234'));
    expect(protector.lookupHash('13812341234')).not.toBe(protector.lookupHash('13812341235'));
    expect(protector.lookupHash('13812341234')).not.toContain('1381234');
  });

  it('encrypts so that only the key holder can read the number back', () => {
    const sealed = protector.encrypt('13812341234');
    expect(sealed).not.toContain('13812341234');
    expect(protector.decrypt(sealed)).toBe('13812341234');
    expect(() => new CallerNumberProtector('another-secret-that-is-long-enough-000').decrypt(sealed)).toThrow();
  });
});
