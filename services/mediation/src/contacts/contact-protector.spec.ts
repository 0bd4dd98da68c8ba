import { ContactProtector } from './contact-protector';

describe('parties’ contacts are protected like callers’ numbers', () => {
  const protector = new ContactProtector('a-test-key-that-is-long-enough-0123456789');

  it('masks phones and id numbers', () => {
    expect(protector.mask('phone', '+86 138-1234-5678')).toBe('138****5678');
    expect(protector.mask('idNumber', '11010519491231002x')).toBe('110***********002X');
    expect(protector.mask('phone', '123')).toBe('****');
  });

  it('encrypts (never the clear value, a new iv each time) and decrypts', () => {
    const a = protector.protect('phone', '13812345678');
    const b = protector.protect('phone', '138 1234 5678');
    expect(a.encrypted).not.toContain('13812345678');
    expect(a.encrypted).not.toBe(b.encrypted);
    expect(protector.decrypt(a.encrypted)).toBe('13812345678');
    expect(a.hash).toBe(b.hash);
  });

  it('hashes by kind and key', () => {
    expect(protector.hash('phone', '13812345678')).not.toBe(protector.hash('idNumber', '13812345678'));
    expect(new ContactProtector('another-key-that-is-long-enough-0123456789').hash('phone', '13812345678')).not.toBe(protector.hash('phone', '13812345678'));
  });

  it('refuses a tampered value', () => {
    const sealed = protector.protect('phone', '13812345678').encrypted;
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() => protector.decrypt([iv, tag, flipped.toString('base64')].join('.'))).toThrow();
  });
});
