import { PiiDecryptionError, PiiProtector } from './pii-protector';

describe('PiiProtector', () => {
  const key = 'a-test-key-that-is-long-enough-0123456789';
  const protector = new PiiProtector(key, { hashInput: 'kind:value' });

  it('round-trips the normalized value, with a new iv each time and never the clear value in the sealed one', () => {
    const a = protector.encrypt('phone', '+86 138-1234-5678');
    const b = protector.encrypt('phone', '13812345678');
    expect(a).not.toContain('13812345678');
    expect(a).not.toBe(b);
    expect(protector.decrypt(a)).toBe('13812345678');
    expect(protector.decrypt(protector.encrypt('idNumber', '11010519491231002x'))).toBe('11010519491231002X');
  });

  it('masks a phone as 138****5678 and an ID number as 110***********002X, and what is too short as ****', () => {
    expect(protector.mask('phone', '+86 138-1234-5678')).toBe('138****5678');
    expect(protector.mask('phone', '010-6512 3456')).toBe('010****3456');
    expect(protector.mask('phone', '123')).toBe('****');
    expect(protector.mask('idNumber', '11010519491231002x')).toBe('110***********002X');
    expect(protector.mask('idNumber', '1234567')).toBe('****');
  });

  it('hashes stably: the same value however written, a fixed digest for a fixed key, another for another value or key', () => {
    expect(protector.hash('phone', '+8613812345678')).toBe(protector.hash('phone', '138 1234 5678'));
    // HMAC-SHA256(key, 'phone:13812345678'), as mediation's own protector made it before this library: stored hashes keep matching
    expect(protector.hash('phone', '13812345678')).toBe('ef2b8354fc5a32afd75ef9f32e9217001ea88bb0eed6c42d6aa8a6b36cb117a1');
    expect(protector.hash('phone', '13812345678')).not.toBe(protector.hash('phone', '13812345679'));
    expect(new PiiProtector('another-key-that-is-long-enough-0123456789', { hashInput: 'kind:value' }).hash('phone', '13812345678'))
      .not.toBe(protector.hash('phone', '13812345678'));
  });

  it('puts the kind into the hash or leaves it out, as the service chose', () => {
    expect(protector.hash('phone', '13812345678')).not.toBe(protector.hash('idNumber', '13812345678'));
    const valueOnly = new PiiProtector(key, { hashInput: 'value' });
    expect(valueOnly.hash('phone', '13812345678')).toBe(valueOnly.hash('idNumber', '13812345678'));
    expect(valueOnly.hash('phone', '13812345678')).not.toBe(protector.hash('phone', '13812345678'));
  });

  it('refuses, with a clear error, a value sealed under another key, an altered value and a malformed one', () => {
    const sealed = protector.encrypt('phone', '13812345678');
    const otherKey = new PiiProtector('another-key-that-is-long-enough-0123456789', { hashInput: 'kind:value' });
    expect(() => otherKey.decrypt(sealed)).toThrow(PiiDecryptionError);
    expect(() => otherKey.decrypt(sealed)).toThrow('sealed with another key, or it was altered');

    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() => protector.decrypt([iv, tag, flipped.toString('base64')].join('.'))).toThrow(PiiDecryptionError);
    expect(() => protector.decrypt('not-a-sealed-value')).toThrow(PiiDecryptionError);
  });
});
