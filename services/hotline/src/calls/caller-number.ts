import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Caller numbers are personal data: stored encrypted (AES-256-GCM), looked up by a keyed hash (HMAC-SHA256)
 * and shown masked (138****1234). Only operators may read the full number, and every read is recorded.
 */
export class CallerNumberProtector {
  private readonly encryptionKey: Buffer;
  constructor(private readonly secret: string) {
    this.encryptionKey = createHash('sha256').update(`enc:${secret}`).digest();
  }

  normalize(number: string): string {
    return number.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  }

  lookupHash(number: string): string {
    return createHmac('sha256', this.secret).update(this.normalize(number)).digest('hex');
  }

  mask(number: string): string {
    const n = this.normalize(number);
    return n.length >= 7 ? `${n.slice(0, 3)}****${n.slice(-4)}` : '****';
  }

  encrypt(number: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(this.normalize(number), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
  }

  decrypt(sealed: string): string {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
