import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { Role } from '@civicflow/contracts';
import { AuthUser, CONFIG, RevocationFeed, TokenSigner } from '@civicflow/platform';
import { AuthAudit } from '../audit/auth-audit';
import { IdentityConfig, seconds } from '../config';
import { USER_MODEL, UserDoc } from '../users/user.schema';
import { REVOCATION_MODEL, RevocationDoc, SESSION_MODEL, SessionDoc } from './session.schema';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** seconds the access token is valid */
  expiresIn: number;
  user: AuthUser;
}

/** Why a refresh was refused (all answer 401 alike). */
export class RefreshRefused extends Error {}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A refresh token: `<sid>.<secret>`; only its hash is stored. */
function newRefreshToken(sid: string): string {
  return `${sid}.${randomBytes(32).toString('base64url')}`;
}

export const authUserOf = (user: Pick<UserDoc, '_id' | 'name' | 'role' | 'unitId'>): AuthUser => ({ userId: user._id, name: user.name, role: user.role as Role, unitId: user.unitId });

/**
 * Sign-in sessions: short-lived access tokens carrying the session id, refresh tokens used once each (a reused
 * one means it was copied: the session ends), and revocation — logout, or an administrator deactivating or
 * re-scoping a user — published at GET /api/v1/auth/revocations until the session's last access token expires.
 */
@Injectable()
export class Sessions {
  constructor(
    @InjectModel(SESSION_MODEL) private readonly sessions: Model<SessionDoc>,
    @InjectModel(REVOCATION_MODEL) private readonly revocations: Model<RevocationDoc>,
    @InjectModel(USER_MODEL) private readonly users: Model<UserDoc>,
    @Inject(CONFIG) private readonly config: IdentityConfig,
    private readonly signer: TokenSigner,
    private readonly audit: AuthAudit,
  ) {}

  private get accessTtl(): number {
    return seconds(this.config.IDENTITY_ACCESS_TOKEN_TTL);
  }

  /** A new session for a user whose password was just checked. */
  async start(user: UserDoc): Promise<IssuedTokens> {
    const sid = randomUUID();
    const refreshToken = newRefreshToken(sid);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + seconds(this.config.IDENTITY_REFRESH_TOKEN_TTL) * 1000);
    await this.sessions.collection.insertOne({ _id: sid, userId: user._id, refreshHash: sha256(refreshToken), expiresAt, createdAt: now } as never);
    // the user keeps a list of their open sessions (expired ones pruned), so revoking all is point writes
    const open = (user.sessions ?? []).filter((s) => new Date(s.expiresAt).getTime() > now.getTime());
    await this.users.updateOne({ _id: user._id }, { $set: { sessions: [...open, { sid, expiresAt }] } });
    return this.issue(authUserOf(user), sid, refreshToken);
  }

  /** A refresh token for a new pair; the user's current role and unit go into the new access token. */
  async refresh(refreshToken: string, ip?: string): Promise<IssuedTokens> {
    const sid = refreshToken.split('.')[0];
    if (!sid || sid.length > 64) throw new RefreshRefused();
    const session = await this.sessions.findById(sid).lean<SessionDoc>();
    if (!session || session.revokedAt || new Date(session.expiresAt).getTime() <= Date.now()) throw new RefreshRefused();
    const next = newRefreshToken(sid);
    const rotated = await this.sessions.findOneAndUpdate({ _id: sid, refreshHash: sha256(refreshToken), revokedAt: null }, { $set: { refreshHash: sha256(next) } }, { new: true, lean: true });
    if (!rotated) {
      // a refresh token that was already used: someone holds a copy — end the session for both
      await this.revoke(sid, session.userId);
      await this.audit.record({ type: 'refresh-reused', actor: session.userId, subject: session.userId, ip, detail: { sid } });
      throw new RefreshRefused();
    }
    const user = await this.users.findById(session.userId).lean<UserDoc>();
    if (!user || !user.active) {
      await this.revoke(sid, session.userId);
      throw new RefreshRefused();
    }
    return this.issue(authUserOf(user), sid, next);
  }

  /** Ends one session now: its refresh token stops working, its access tokens are refused within a poll. */
  async revoke(sid: string, userId?: string): Promise<void> {
    const now = new Date();
    await this.sessions.updateOne({ _id: sid }, { $set: { revokedAt: now } });
    await this.revocations.replaceOne({ _id: sid }, { until: new Date(now.getTime() + this.accessTtl * 1000 + 60_000) }, { upsert: true });
    if (userId) await this.users.updateOne({ _id: userId }, { $pull: { sessions: { sid } } });
  }

  /** Ends every open session of a user (deactivated, re-scoped, password reset). */
  async revokeAllOf(userId: string): Promise<number> {
    const user = await this.users.findById(userId, { sessions: 1 }).lean<Pick<UserDoc, 'sessions'>>();
    const open = (user?.sessions ?? []).filter((s) => new Date(s.expiresAt).getTime() > Date.now());
    for (const s of open) await this.revoke(s.sid);
    await this.users.updateOne({ _id: userId }, { $set: { sessions: [] } });
    return open.length;
  }

  /** What the services poll: sessions ended early whose access tokens may still be around. */
  async feed(): Promise<RevocationFeed> {
    const now = Date.now();
    const all = await this.revocations.find({}).limit(100_000).lean<RevocationDoc[]>();
    const current = all.filter((r) => new Date(r.until).getTime() > now);
    if (current.length < all.length) await this.revocations.deleteMany({ until: { $lte: new Date(now) } });
    return { sessions: current.map((r) => ({ sid: r._id, until: new Date(r.until).toISOString() })) };
  }

  private async issue(user: AuthUser, sid: string, refreshToken: string): Promise<IssuedTokens> {
    const accessToken = await this.signer.sign(user, { ttl: this.accessTtl, sessionId: sid, issuer: this.config.JWT_ISSUER, audience: this.config.JWT_AUDIENCE });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.accessTtl, user };
  }
}
