import { randomUUID } from 'node:crypto';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  exportJWK,
  importPKCS8,
  JSONWebKeySet,
  JWK,
  jwtVerify,
  JWTVerifyGetKey,
  KeyLike,
  SignJWT,
} from 'jose';
import { createPrivateKey } from 'node:crypto';
import { roleSchema } from '@civicflow/contracts';
import { AuthUser } from './auth-user';
/** Knows which sessions were ended early (RevokedSessions polls identity for it; identity asks its own store). */
export interface RevocationCheck {
  isRevoked(sessionId: string): boolean;
}

/** Defaults of our own identity service (JWT_ISSUER, JWT_AUDIENCE). */
export const ISSUER = 'civicflow';
export const AUDIENCE = 'civicflow-api';
/** RFC 9068 access-token type: a token of another kind (an ID token, say) is not accepted as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface TokenVerifierOptions {
  /** The provider's JWKS URL (fetched, cached, refetched for an unknown key id). */
  jwksUrl?: string;
  /** Or the public keys as a JWKS JSON document. */
  publicKeys?: string;
  issuer?: string;
  audience?: string;
  /** Accepted JWS algorithms; asymmetric only. */
  algorithms?: string[];
  /** Claim names of role, jurisdiction and display name. */
  claims?: { role?: string; unit?: string; name?: string };
  /** Sessions revoked since their tokens were issued (logout, deactivation). */
  revoked?: RevocationCheck;
}

export type InvalidTokenReason = 'invalid' | 'expired' | 'revoked';

/** A token that is not accepted. The message is ours: nothing of the JWT library's text reaches a caller. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: InvalidTokenReason) {
    super(reason === 'expired' ? 'token expired' : reason === 'revoked' ? 'session ended' : 'invalid token');
    this.name = 'InvalidTokenError';
  }
}

const DEFAULT_ALGORITHMS = ['EdDSA', 'RS256', 'PS256', 'ES256'];

/** Verifies bearer tokens (signature, issuer, audience, expiry, type, revocation) and turns their claims into an AuthUser. */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly options: TokenVerifierOptions;

  constructor(options: TokenVerifierOptions) {
    this.options = options;
    if (options.jwksUrl) this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    else if (options.publicKeys) this.keys = createLocalJWKSet(JSON.parse(options.publicKeys) as JSONWebKeySet);
    else throw new Error('TokenVerifier needs a JWKS URL or public keys');
  }

  /** Whether the user's session was ended since the token was checked (streams that stay open ask again). */
  isRevoked(user: Pick<AuthUser, 'sessionId'>): boolean {
    return Boolean(user.sessionId && this.options.revoked?.isRevoked(user.sessionId));
  }

  async verify(token: string): Promise<AuthUser> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer ?? ISSUER,
        audience: this.options.audience ?? AUDIENCE,
        algorithms: this.options.algorithms ?? DEFAULT_ALGORITHMS,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw new InvalidTokenError(error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid');
    }
    const claims = this.options.claims ?? {};
    const role = roleSchema.safeParse(payload[claims.role ?? 'role']);
    const unit = payload[claims.unit ?? 'unit'];
    const name = payload[claims.name ?? 'name'];
    const sub = payload.sub;
    if (!role.success || typeof unit !== 'string' || !unit || typeof sub !== 'string' || !sub) throw new InvalidTokenError('invalid');
    const sessionId = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (sessionId && this.options.revoked?.isRevoked(sessionId)) throw new InvalidTokenError('revoked');
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : undefined;
    return {
      userId: sub,
      name: typeof name === 'string' && name ? name : sub,
      role: role.data,
      unitId: unit,
      ...(sessionId ? { sessionId } : {}),
      ...(scopes ? { scopes } : {}),
    };
  }
}

export interface SignOptions {
  /** Lifetime from now, like '10m' or 600 (seconds). */
  ttl: string | number;
  /** The session the token belongs to (revocable); service tokens have none. */
  sessionId?: string;
  /** OAuth scopes (service tokens). */
  scopes?: string[];
  issuer?: string;
  audience?: string;
}

/**
 * Signs access tokens with an asymmetric private key (PKCS#8 PEM: Ed25519 → EdDSA, RSA → RS256, P-256 → ES256),
 * and publishes its public half as a JWKS entry whose `kid` is the key's thumbprint.
 */
export class TokenSigner {
  private constructor(private readonly key: KeyLike, readonly alg: string, readonly publicJwk: JWK & { kid: string }) {}

  /** From a PKCS#8 PEM; line breaks may be written as `\n` (an env file or Kubernetes Secret holds one line). */
  static async fromPem(text: string): Promise<TokenSigner> {
    const pem = text.trim().replace(/\\n/g, '\n');
    const alg = algorithmOf(pem);
    const key = await importPKCS8(pem, alg, { extractable: true });
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = await exportJWK(key);
    const kid = await calculateJwkThumbprint(pub);
    return new TokenSigner(key, alg, { ...pub, kid, alg, use: 'sig' });
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  sign(user: Pick<AuthUser, 'userId' | 'name' | 'role' | 'unitId'>, options: SignOptions): Promise<string> {
    return new SignJWT({
      name: user.name,
      role: user.role,
      unit: user.unitId,
      ...(options.sessionId ? { sid: options.sessionId } : {}),
      ...(options.scopes?.length ? { scope: options.scopes.join(' ') } : {}),
    })
      .setProtectedHeader({ alg: this.alg, kid: this.publicJwk.kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(user.userId)
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(typeof options.ttl === 'number' ? `${options.ttl}s` : options.ttl)
      .sign(this.key);
  }
}

function algorithmOf(pem: string): string {
  let key;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error('the signing key must be a PKCS#8 PEM private key (Ed25519, RSA or EC P-256)');
  }
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'EdDSA';
    case 'rsa':
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error('an RSA signing key needs at least 2048 bits');
      return 'RS256';
    case 'ec':
      if (key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error('an EC signing key must be on P-256');
      return 'ES256';
    default:
      throw new Error(`signing keys of type ${key.asymmetricKeyType} are not supported (Ed25519, RSA or EC P-256)`);
  }
}
