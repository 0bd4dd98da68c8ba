import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey, SignJWT } from 'jose';
import { roleSchema } from '@civicflow/contracts';
import { z } from 'zod';
import { AuthUser } from './auth-user';

export const ISSUER = 'civicflow';
export const AUDIENCE = 'civicflow-api';

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  role: roleSchema,
  unit: z.string().min(1),
});

export interface TokenVerifierOptions {
  /** HS256 shared secret (local and small deployments). */
  secret?: string;
  /** Or an identity provider's JWKS URL (RS256/ES256). */
  jwksUrl?: string;
}

export class InvalidTokenError extends Error {}

/** Verifies bearer tokens and turns their claims into an AuthUser. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(options: TokenVerifierOptions) {
    if (options.jwksUrl) this.key = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.secret) this.key = new TextEncoder().encode(options.secret);
    else throw new Error('TokenVerifier needs a secret or a JWKS URL');
  }

  async verify(token: string): Promise<AuthUser> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, { issuer: ISSUER, audience: AUDIENCE }));
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError(`token claims: ${claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    return { userId: claims.data.sub, name: claims.data.name, role: claims.data.role, unitId: claims.data.unit };
  }
}

/** Issues HS256 tokens (the identity service, and tests). */
export function signToken(user: AuthUser, secret: string, ttl = '12h'): Promise<string> {
  return new SignJWT({ name: user.name, role: user.role, unit: user.unitId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
