import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model, Schema } from 'mongoose';

export type AuthAuditType =
  | 'login-succeeded'
  | 'login-failed'
  | 'login-locked'
  | 'login-rate-limited'
  | 'logout'
  | 'refresh-reused'
  | 'service-token-issued'
  | 'service-client-refused'
  | 'user-created'
  | 'user-updated'
  | 'user-deactivated'
  | 'user-activated'
  | 'password-reset';

/** One security-relevant act: who (actor), on whom (subject), from where, when. Never a password or token. */
export interface AuthAuditDoc {
  _id: string;
  type: AuthAuditType;
  at: Date;
  /** the user or client who acted (for a failed login: the name that was tried) */
  actor: string;
  /** the account acted on */
  subject?: string;
  ip?: string;
  detail?: Record<string, unknown>;
}

export const AUTH_AUDIT_MODEL = 'AuthAudit';
export const authAuditSchema = new Schema<AuthAuditDoc>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    subject: String,
    ip: String,
    detail: Schema.Types.Mixed,
  },
  { collection: 'auth_audit', versionKey: false },
);

/** 安全审计: identity's audit trail of sign-ins, lockouts and account changes. */
@Injectable()
export class AuthAudit {
  private readonly logger = new Logger(AuthAudit.name);

  constructor(@InjectModel(AUTH_AUDIT_MODEL) private readonly entries: Model<AuthAuditDoc>) {}

  async record(entry: Omit<AuthAuditDoc, '_id' | 'at'>): Promise<void> {
    const doc: AuthAuditDoc = { _id: randomUUID(), at: new Date(), ...entry };
    await this.entries.collection.insertOne(doc as never);
    if (entry.type === 'login-locked' || entry.type === 'refresh-reused' || entry.type === 'login-rate-limited') {
      this.logger.warn(`安全事件 security event ${entry.type}: ${entry.actor}${entry.ip ? ` from ${entry.ip}` : ''}`);
    }
  }

  /** The latest entries, newest first (optionally of one account). */
  async latest(limit: number, subject?: string): Promise<AuthAuditDoc[]> {
    const filter = subject ? { $or: [{ subject }, { actor: subject }] } : {};
    return this.entries.find(filter).sort({ at: -1 }).limit(limit).lean<AuthAuditDoc[]>();
  }
}
