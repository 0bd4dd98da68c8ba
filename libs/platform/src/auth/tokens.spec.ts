import { generateKeyPairSync } from 'node:crypto';
import { KeyLike, SignJWT, UnsecuredJWT } from 'jose';
import { DEVELOPMENT_PUBLIC_JWKS, DEVELOPMENT_SIGNING_KEY } from './development-keys';
import { RevokedSessions } from './revoked-sessions';
import { InvalidTokenError, TokenSigner, TokenVerifier } from './tokens';

const user = { userId: 'street', name: '赵街道', role: 'street-coordinator' as const, unitId: 'bf-d01-s01' };
const verifier = (revoked?: RevokedSessions) => new TokenVerifier({ publicKeys: DEVELOPMENT_PUBLIC_JWKS, revoked });

async function refusal(token: string, v = verifier()): Promise<InvalidTokenError> {
  try {
    await v.verify(token);
  } catch (error) {
    return error as InvalidTokenError;
  }
  throw new Error('the token was accepted');
}

describe('access tokens', () => {
  let signer: TokenSigner;
  beforeAll(async () => {
    signer = await TokenSigner.fromPem(DEVELOPMENT_SIGNING_KEY);
  });

  it('round-trips a user and session through EdDSA, with the published kid', async () => {
    expect(signer.alg).toBe('EdDSA');
    expect(signer.publicJwk.kid).toBe(JSON.parse(DEVELOPMENT_PUBLIC_JWKS).keys[0].kid);
    const token = await signer.sign(user, { ttl: '10m', sessionId: 's-1' });
    await expect(verifier().verify(token)).resolves.toEqual({ ...user, sessionId: 's-1' });
  });

  it('signs with RSA and P-256 keys too', async () => {
    const pems = [generateKeyPairSync('rsa', { modulusLength: 2048 }), generateKeyPairSync('ec', { namedCurve: 'P-256' })]
      .map(({ privateKey }) => privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    for (const pem of pems) {
      const other = await TokenSigner.fromPem(pem);
      const token = await other.sign(user, { ttl: 60 });
      await expect(new TokenVerifier({ publicKeys: JSON.stringify(other.jwks()) }).verify(token)).resolves.toMatchObject({ userId: 'street' });
    }
    await expect(TokenSigner.fromPem('not a key')).rejects.toThrow(/PKCS#8/);
  });

  it('refuses alg=none, a shared-secret token keyed with the public key, another key, a wrong issuer or audience, no type', async () => {
    const claims = { name: user.name, role: user.role, unit: user.unitId };
    const none = new UnsecuredJWT(claims).setSubject('street').setIssuer('civicflow').setAudience('civicflow-api').setIssuedAt().setExpirationTime('10m').encode();
    const publicX = JSON.parse(DEVELOPMENT_PUBLIC_JWKS).keys[0].x as string;
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setSubject('street').setIssuer('civicflow').setAudience('civicflow-api')
      .setIssuedAt().setExpirationTime('10m').sign(new TextEncoder().encode(publicX));
    const stranger = await TokenSigner.fromPem(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const otherKey = await stranger.sign(user, { ttl: '10m' });
    const wrongIssuer = await signer.sign(user, { ttl: '10m', issuer: 'evil' });
    const wrongAudience = await signer.sign(user, { ttl: '10m', audience: 'another-api' });
    for (const token of [none, confused, otherKey, wrongIssuer, wrongAudience, 'garbage', '']) {
      const error = await refusal(token);
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect(error.reason).toBe('invalid');
      expect(error.message).toBe('invalid token'); // our words, never the library's
    }
  });

  it('refuses an expired token as expired, and a token whose role is not ours', async () => {
    const expired = await new SignJWT({ name: 'x', role: 'admin', unit: 'bf' }).setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: signer.publicJwk.kid })
      .setSubject('x').setIssuer('civicflow').setAudience('civicflow-api').setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign((signer as unknown as { key: KeyLike }).key);
    expect((await refusal(expired)).reason).toBe('expired');
    const emperor = await signer.sign({ ...user, role: 'emperor' as never }, { ttl: '10m' });
    expect((await refusal(emperor)).reason).toBe('invalid');
  });

  it('refuses the tokens of a session on the revocation list', async () => {
    const revoked = new RevokedSessions({
      url: 'http://identity.test/api/v1/auth/revocations', pollMs: 60_000,
      fetch: async () => new Response(JSON.stringify({ sessions: [{ sid: 's-gone', until: new Date(Date.now() + 60_000).toISOString() }] })),
    });
    await revoked.poll();
    const gone = await signer.sign(user, { ttl: '10m', sessionId: 's-gone' });
    const alive = await signer.sign(user, { ttl: '10m', sessionId: 's-alive' });
    expect((await refusal(gone, verifier(revoked))).reason).toBe('revoked');
    await expect(verifier(revoked).verify(alive)).resolves.toMatchObject({ sessionId: 's-alive' });
  });
});
