import { PiiDecryptionError } from '@civicflow/platform';
import { callerNumberProtector } from './caller-number.provider';

describe('caller numbers, protected as the hotline always has', () => {
  // Made by the hotline's own CallerNumberProtector (calls/caller-number.ts) before it moved to libs/platform:
  // calls already stored must still be found by their hash and read back from their ciphertext.
  const key = 'hotline-pinned-key-that-is-long-enough-0000';
  const stored = {
    callerHash: '91221b53827a04f16c9878bafc114313a2c6bd2692a0c4a3acbb5f8291e7080c',
    callerEncrypted: 'wSM7oritmp47SV/d.7Jjt8mYYoes6aSR8HcI0QQ==.lwAJQcedTio6vtE=',
    callerMasked: '138****5678',
  };
  const protector = callerNumberProtector(key);

  it('finds a stored call by the same lookup hash, however the number is written', () => {
    expect(protector.hash('phone', '+86 138-1234-5678')).toBe(stored.callerHash);
    expect(protector.hash('phone', '13812345678')).toBe(stored.callerHash);
    expect(protector.hash('phone', '13812345679')).not.toBe(stored.callerHash);
  });

  it('reads a stored number back, and stores new ones the same way', () => {
    expect(protector.decrypt(stored.callerEncrypted)).toBe('13812345678');
    expect(protector.protect('phone', '+86 138-1234-5678')).toEqual({ hash: stored.callerHash, masked: stored.callerMasked, encrypted: expect.any(String) });
    expect(protector.mask('phone', '+86 138-1234-5678')).toBe(stored.callerMasked);
  });

  it('reads nothing under another key', () => {
    expect(() => callerNumberProtector('another-secret-that-is-long-enough-000').decrypt(stored.callerEncrypted)).toThrow(PiiDecryptionError);
  });
});
