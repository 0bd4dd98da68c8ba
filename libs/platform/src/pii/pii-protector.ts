import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal contact data (a caller's number, a party's phone or 居民身份证号) is stored three ways, never in clear:
 * encrypted (AES-256-GCM) for the rare audited full read, a keyed hash (HMAC-SHA256) to find or compare equal
 * values, and masked (138****5678) for display. One service key does both: the hash is keyed by it, the
 * encryption key is derived from it. Values are normalized first, so "+86 138-1234-5678" and "13812345678" are
 * the same number. Auditing a full read belongs to the service (its collection, its reasons): write the record,
 * then call decrypt.
 */
export type PiiKind = 'phone' | 'idNumber' | 'email' | 'openId';

/** A contact as it is stored. */
export interface ProtectedPii {
  encrypted: string;
  hash: string;
  masked: string;
}

export interface PiiProtectorOptions {
  /**
   * What the keyed hash covers. `kind:value` hashes `phone:13812345678`, so a phone and an ID number never share a
   * hash. `value` hashes the normalized value alone: the hotline's caller hashes were made that way and the stored
   * ones must keep matching. Changing this for a service orphans every hash it has stored.
   */
  hashInput: 'kind:value' | 'value';
}

/** A contact kept to be used (sent to), never searched by. */
export type SealedPii = Pick<ProtectedPii, 'encrypted' | 'masked'>;

/** A sealed value that the key cannot open: another service's key, a changed key, or an altered value. */
export class PiiDecryptionError extends Error {
  constructor(cause: unknown) {
    super('cannot decrypt the protected value: it was sealed with another key, or it was altered', { cause });
    this.name = 'PiiDecryptionError';
  }
}

export class PiiProtector {
  private readonly encryptionKey: Buffer;

  constructor(
    private readonly secret: string,
    private readonly options: PiiProtectorOptions,
  ) {
    this.encryptionKey = createHash('sha256').update(`enc:${secret}`).digest();
  }

  /**
   * Spaces and dashes dropped; a phone loses a +86 before a mobile number, an ID number is upper-cased (…002X);
   * an e-mail address is lower-cased; a WeChat openid is kept as it is (it is case-sensitive).
   */
  normalize(kind: PiiKind, value: string): string {
    if (kind === 'email') return value.trim().toLowerCase();
    if (kind === 'openId') return value.trim();
    const compact = value.replace(/[\s-]/g, '');
    return kind === 'phone' ? compact.replace(/^\+?86(?=1\d{10}$)/, '') : compact.toUpperCase();
  }

  /**
   * 138****5678 for a phone; 110***********002X for an ID number; l***@example.gov.cn for an e-mail address;
   * oWx-****Ab12 for an openid; **** for anything too short to mask.
   */
  mask(kind: PiiKind, value: string): string {
    const n = this.normalize(kind, value);
    if (kind === 'phone') return n.length >= 7 ? `${n.slice(0, 3)}****${n.slice(-4)}` : '****';
    if (kind === 'email') {
      const at = n.lastIndexOf('@');
      return at > 0 ? `${n[0]}***${n.slice(at)}` : '****';
    }
    if (kind === 'openId') return n.length >= 10 ? `${n.slice(0, 4)}****${n.slice(-4)}` : '****';
    return n.length >= 8 ? `${n.slice(0, 3)}${'*'.repeat(n.length - 7)}${n.slice(-4)}` : '****';
  }

  /** The same value gives the same hash under one key (lookups and conflict checks compare hashes). */
  hash(kind: PiiKind, value: string): string {
    const n = this.normalize(kind, value);
    return createHmac('sha256', this.secret).update(this.options.hashInput === 'value' ? n : `${kind}:${n}`).digest('hex');
  }

  /** The normalized value, sealed as `iv.tag.body` (base64), with a new iv each time. */
  encrypt(kind: PiiKind, value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(this.normalize(kind, value), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
  }

  /** Throws PiiDecryptionError rather than return anything but the sealed value. */
  decrypt(sealed: string): string {
    try {
      const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
      const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new PiiDecryptionError(error);
    }
  }

  protect(kind: PiiKind, value: string): ProtectedPii {
    return { encrypted: this.encrypt(kind, value), hash: this.hash(kind, value), masked: this.mask(kind, value) };
  }

  /** Encrypted and masked, without a hash: a contact that is only ever sent to, never looked up. */
  seal(kind: PiiKind, value: string): SealedPii {
    return { encrypted: this.encrypt(kind, value), masked: this.mask(kind, value) };
  }
}
