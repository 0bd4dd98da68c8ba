import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { CONFIG } from '@civicflow/platform';
import { AuthAudit } from '../audit/auth-audit';
import { IdentityConfig } from '../config';

/** Wrong passwords for one user name (known or not), one document per name so every step is a write by _id. */
export interface LoginAttemptsDoc {
  _id: string; // the user name as typed, lower-cased
  failures: number;
  lastFailureAt: Date;
  lockedUntil?: Date | null;
}
export const LOGIN_ATTEMPTS_MODEL = 'LoginAttempts';
export const loginAttemptsSchema = new Schema<LoginAttemptsDoc>(
  { _id: { type: String, required: true }, failures: { type: Number, required: true }, lastFailureAt: { type: Date, required: true }, lockedUntil: Date },
  { collection: 'login_attempts', versionKey: false },
);

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; why: 'locked' | 'rate' };

/**
 * Brute-force defence of the login: a user name is locked for IDENTITY_LOCKOUT_MS after IDENTITY_LOGIN_MAX_FAILURES
 * wrong passwords (unknown names alike, so a lock tells nothing about which names exist), and one client address
 * gets IDENTITY_LOGIN_RATE_PER_MINUTE attempts a minute. Locks and refusals are audited.
 */
@Injectable()
export class LoginThrottle {
  /** attempts per client address in the current minute (per instance: a backstop; the per-name lock is shared) */
  private readonly perAddress = new Map<string, { minute: number; count: number }>();

  constructor(
    @InjectModel(LOGIN_ATTEMPTS_MODEL) private readonly attempts: Model<LoginAttemptsDoc>,
    @Inject(CONFIG) private readonly config: IdentityConfig,
    private readonly audit: AuthAudit,
  ) {}

  /** Before the password is checked. */
  async check(username: string, ip: string | undefined): Promise<ThrottleVerdict> {
    const now = Date.now();
    const minute = Math.floor(now / 60_000);
    if (ip) {
      const seen = this.perAddress.get(ip);
      const count = seen && seen.minute === minute ? seen.count + 1 : 1;
      this.perAddress.set(ip, { minute, count });
      if (this.perAddress.size > 10_000) this.forgetOldAddresses(minute);
      if (count > this.config.IDENTITY_LOGIN_RATE_PER_MINUTE) {
        if (count === this.config.IDENTITY_LOGIN_RATE_PER_MINUTE + 1) await this.audit.record({ type: 'login-rate-limited', actor: username, ip });
        return { allowed: false, why: 'rate', retryAfterSeconds: 60 - Math.floor((now % 60_000) / 1000) };
      }
    }
    const doc = await this.attempts.findById(key(username)).lean<LoginAttemptsDoc>();
    const lockedUntil = doc?.lockedUntil ? new Date(doc.lockedUntil).getTime() : 0;
    if (lockedUntil > now) return { allowed: false, why: 'locked', retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000) };
    return { allowed: true };
  }

  /** A wrong password (or unknown name): counted; the last allowed one locks the name. */
  async failed(username: string, ip: string | undefined): Promise<void> {
    const now = new Date();
    const doc = await this.attempts.findOneAndUpdate(
      { _id: key(username) },
      { $inc: { failures: 1 }, $set: { lastFailureAt: now } },
      { upsert: true, new: true, lean: true },
    );
    // a lock that ran out starts a fresh count
    const expiredLock = doc?.lockedUntil && new Date(doc.lockedUntil).getTime() <= now.getTime();
    if (expiredLock) {
      await this.attempts.updateOne({ _id: key(username) }, { $set: { failures: 1, lockedUntil: null } });
      return;
    }
    if (doc && doc.failures >= this.config.IDENTITY_LOGIN_MAX_FAILURES) {
      const lockedUntil = new Date(now.getTime() + this.config.IDENTITY_LOCKOUT_MS);
      await this.attempts.updateOne({ _id: key(username) }, { $set: { lockedUntil, failures: 0 } });
      await this.audit.record({ type: 'login-locked', actor: username, subject: username, ip, detail: { failures: doc.failures, lockedUntil: lockedUntil.toISOString() } });
    }
  }

  /** The right password: the count starts over. */
  async succeeded(username: string): Promise<void> {
    await this.attempts.deleteOne({ _id: key(username) });
  }

  private forgetOldAddresses(minute: number): void {
    for (const [ip, seen] of this.perAddress) if (seen.minute !== minute) this.perAddress.delete(ip);
  }
}

const key = (username: string) => username.trim().toLowerCase().slice(0, 64);
