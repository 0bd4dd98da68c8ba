import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

// The same protection the hotline gives callers' numbers (services/hotline/src/calls/caller-number.ts), for
// parties' contacts: stored encrypted (AES-256-GCM), matched by a keyed hash (HMAC-SHA256), shown masked.
// It is a copy because services share no code; it belongs in libs/platform (see the service README).

export type ContactKind = 'phone' | 'idNumber';

/** A contact as it is stored: never the clear value. */
export interface ProtectedContact {
  encrypted: string;
  hash: string;
  masked: string;
}

export class ContactProtector {
  private readonly encryptionKey: Buffer;
  constructor(private readonly secret: string) {
    this.encryptionKey = createHash('sha256').update(`enc:${secret}`).digest();
  }

  normalize(kind: ContactKind, value: string): string {
    const compact = value.replace(/[\s-]/g, '');
    return kind === 'phone' ? compact.replace(/^\+?86(?=1\d{10}$)/, '') : compact.toUpperCase();
  }

  /** 138****5678 for a phone; 110***********123X for a 居民身份证号. */
  mask(kind: ContactKind, value: string): string {
    const n = this.normalize(kind, value);
    if (kind === 'phone') return n.length >= 7 ? `${n.slice(0, 3)}****${n.slice(-4)}` : '****';
    return n.length >= 8 ? `${n.slice(0, 3)}${'*'.repeat(n.length - 7)}${n.slice(-4)}` : '****';
  }

  /** The same value gives the same hash under one key: the conflict check (调解员回避) compares hashes. */
  hash(kind: ContactKind, value: string): string {
    return createHmac('sha256', this.secret).update(`${kind}:${this.normalize(kind, value)}`).digest('hex');
  }

  protect(kind: ContactKind, value: string): ProtectedContact {
    return { encrypted: this.encrypt(this.normalize(kind, value)), hash: this.hash(kind, value), masked: this.mask(kind, value) };
  }

  encrypt(value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
  }

  decrypt(sealed: string): string {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
