import { PiiDecryptionError } from '@civicflow/platform';
import { contactProtector } from './contact-protector.provider';

describe('contacts, protected as mediation always has', () => {
  // Made by mediation's own ContactProtector (contacts/contact-protector.ts) before it moved to libs/platform:
  // stored contacts must still match in the conflict check and read back from their ciphertext.
  const key = 'mediation-pinned-key-that-is-long-enough-0000';
  const stored = {
    phone: {
      encrypted: 'fpLXQDkogJcrGjmi.ekR9r8Bbs8DZPcwcmpGXzw==.wl19bDdc0XDkmCw=',
      hash: '8ad3c9750cc5c94dc8a7a13d4e5144c71d928f700cd868e6a529a951105773ca',
      masked: '138****5678',
    },
    idNumber: {
      encrypted: 'iM6a7Sc0ggw/5AQU.nRSmcU/kYkfKESFnqexGfA==.LtT9U8Cy/WRt86nzoJjhHN69',
      hash: '40c5b1fe6b54a035d6d99beb007ccd430f17c0361ecbed0cce036136a4a32992',
      masked: '110***********002X',
    },
  };
  const protector = contactProtector(key);

  it('hashes and masks a phone and an ID number as the stored ones were', () => {
    expect(protector.protect('phone', '+86 138-1234-5678')).toEqual({ ...stored.phone, encrypted: expect.any(String) });
    expect(protector.protect('idNumber', '11010519491231002x')).toEqual({ ...stored.idNumber, encrypted: expect.any(String) });
    expect(protector.hash('phone', '13812345678')).not.toBe(protector.hash('idNumber', '13812345678'));
  });

  it('reads stored contacts back', () => {
    expect(protector.decrypt(stored.phone.encrypted)).toBe('13812345678');
    expect(protector.decrypt(stored.idNumber.encrypted)).toBe('11010519491231002X');
  });

  it('reads nothing under another key', () => {
    expect(() => contactProtector('another-key-that-is-long-enough-0123456789').decrypt(stored.phone.encrypted)).toThrow(PiiDecryptionError);
  });
});
