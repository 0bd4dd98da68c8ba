import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** scrypt with a random salt, stored as `scrypt$<salt>$<hash>` (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** A hash no password matches, made once: checked for unknown users so they take as long as wrong passwords. */
let dummy: Promise<string> | undefined;

/**
 * Checks a password against the user's stored hash, or against a dummy hash when there is no such user: the
 * answer time does not tell which user names exist.
 */
export async function verifyPasswordOf(user: { passwordHash: string } | null | undefined, password: string): Promise<boolean> {
  const stored = user?.passwordHash ?? (await (dummy ??= hashPassword(randomBytes(32).toString('base64'))));
  const matches = await verifyPassword(password, stored);
  return Boolean(user) && matches;
}

/** New passwords (admin API, bootstrap): at least 12 characters, not all one kind. */
export function passwordProblem(password: string): { code: string; zh: string; en: string } | undefined {
  if (password.length < 12) return { code: 'too_short', zh: '至少 12 个字符', en: 'at least 12 characters' };
  if (/^\d+$/.test(password) || /^[a-z]+$/i.test(password)) return { code: 'too_simple', zh: '须混合字母与数字或符号', en: 'mix letters with digits or symbols' };
  return undefined;
}
