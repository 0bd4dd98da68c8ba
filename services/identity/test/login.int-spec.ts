// Identity on the real MongoDB-protocol server: demo users sign in, sessions refresh and end, wrong passwords lock
// a name, administrators manage users, service identities get narrow tokens, and the keys are published for the
// services (JWKS, OIDC discovery).
import { INestApplication } from '@nestjs/common';
import { MongoClient } from 'mongodb';
import { RevokedSessions, TokenVerifier } from '@civicflow/platform';
import { bearerFor, integrationConfig, uniqueId } from '@civicflow/testing';
import { createIdentityApp, DEMO_USERS, identityConfigSchema } from '@civicflow/identity';

const runId = uniqueId();
const env = integrationConfig({ MONGO_DB_PREFIX: runId, IDENTITY_LOGIN_MAX_FAILURES: '3', IDENTITY_ACCESS_TOKEN_TTL: '2m', IDENTITY_LOGIN_RATE_PER_MINUTE: '100' });

type Json = Record<string, any>;  

describe('identity: sign-in, sessions, lockout, users and service identities', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await createIdentityApp(identityConfigSchema.parse(env));
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    const mongo = await new MongoClient(env.MONGO_URL).connect();
    await mongo.db(`${runId}_identity`).dropDatabase();
    await mongo.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const login = (username: string, password: string) => post('/api/v1/auth/login', { username, password });
  const json = async (res: Response): Promise<Json> => (await res.json()) as Json;
  const verifierFrom = (jwksUrl: string, revoked?: RevokedSessions) => new TokenVerifier({ jwksUrl, revoked });

  it('issues short-lived access tokens carrying role, jurisdiction and session, verifiable through the published JWKS', async () => {
    const discovery = await json(await fetch(`${url}/.well-known/openid-configuration`));
    expect(discovery).toMatchObject({ issuer: 'civicflow', jwks_uri: `${url}/.well-known/jwks.json`, token_endpoint: `${url}/api/v1/auth/token` });
    const jwks = await json(await fetch(discovery.jwks_uri));
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: expect.any(String) })]);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/); // never the private half
    const verifier = verifierFrom(discovery.jwks_uri);
    expect(new Set(DEMO_USERS.map((u) => u.role)).size).toBe(9);
    for (const demo of DEMO_USERS) {
      const res = await login(demo.username, 'civicflow');
      expect(res.status).toBe(200);
      const body = await json(res);
      expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 120, refreshToken: expect.any(String) });
      await expect(verifier.verify(body.accessToken)).resolves.toEqual({ userId: demo.username, name: demo.name, role: demo.role, unitId: demo.unitId, sessionId: expect.any(String) });
    }
  });

  it('answers a wrong password and an unknown user alike, in comparable time, and a malformed body with the field', async () => {
    // the median of a few tries each, alternating, so load on the machine falls on both alike
    const times: Record<'wrong' | 'unknown', number[]> = { wrong: [], unknown: [] };
    const bodies: Record<'wrong' | 'unknown', Json[]> = { wrong: [], unknown: [] };
    for (let i = 0; i < 2; i++) {
      for (const [kind, username] of [['wrong', 'dispatcher'], ['unknown', `nobody-${runId}`]] as const) {
        const started = process.hrtime.bigint();
        const res = await login(username, `wrong-password-${i}`);
        times[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
        expect(res.status).toBe(401);
        bodies[kind].push(await json(res));
      }
    }
    expect(bodies.unknown[0]).toEqual(bodies.wrong[0]);
    // both run scrypt: an unknown name is not an order of magnitude faster (before: ~15×)
    const slowest = (ms: number[]) => Math.max(...ms);
    expect(slowest(times.unknown)).toBeGreaterThan(Math.min(...times.wrong) / 4);
    const bad = await post('/api/v1/auth/login', { username: '' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors.map((e: Json) => e.field).sort()).toEqual(['password', 'username']);
  });

  it('locks a name after too many wrong passwords — even the right one is refused then — and audits it', async () => {
    for (let i = 0; i < 3; i++) expect((await login('gridworker', `guess-${i}`)).status).toBe(401);
    const locked = await login('gridworker', 'civicflow');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // unknown names lock alike, so a lock tells nothing
    for (let i = 0; i < 3; i++) await login(`ghost-${runId}`, `guess-${i}`);
    expect((await login(`ghost-${runId}`, 'x')).status).toBe(429);
    const admin = await bearerFor('admin', 'bf');
    const audit = await json(await fetch(`${url}/api/v1/auth/audit?subject=gridworker`, { headers: { authorization: admin } }));
    expect(audit.items.map((e: Json) => e.type)).toEqual(expect.arrayContaining(['login-locked', 'login-failed']));
    expect(JSON.stringify(audit)).not.toContain('guess-');
  });

  it('rotates refresh tokens; a reused one ends the session; logout ends it and the services refuse its tokens within a poll', async () => {
    const signedIn = await json(await login('street', 'civicflow'));
    const refreshed = await post('/api/v1/auth/refresh', { refreshToken: signedIn.refreshToken });
    expect(refreshed.status).toBe(200);
    const next = await json(refreshed);
    expect(next.refreshToken).not.toBe(signedIn.refreshToken);
    // the first refresh token again: a copy is in someone else's hands — the session ends for both
    expect((await post('/api/v1/auth/refresh', { refreshToken: signedIn.refreshToken })).status).toBe(401);
    expect((await post('/api/v1/auth/refresh', { refreshToken: next.refreshToken })).status).toBe(401);

    const session = await json(await login('street', 'civicflow'));
    const revoked = new RevokedSessions({ url: `${url}/api/v1/auth/revocations`, pollMs: 60_000 });
    await revoked.start();
    const verifier = verifierFrom(`${url}/.well-known/jwks.json`, revoked);
    await expect(verifier.verify(session.accessToken)).resolves.toMatchObject({ userId: 'street' });
    expect((await post('/api/v1/auth/logout', {}, { authorization: `Bearer ${session.accessToken}` })).status).toBe(204);
    await revoked.poll();
    await expect(verifier.verify(session.accessToken)).rejects.toMatchObject({ reason: 'revoked' });
    expect((await post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    const feed = await json(await fetch(`${url}/api/v1/auth/revocations`));
    expect(JSON.stringify(feed)).not.toContain('street'); // session ids only, no names
    revoked.stop();
  });

  it('lets an administrator create, re-scope and deactivate users — each change ends the user’s sessions', async () => {
    const admin = { authorization: await bearerFor('admin', 'bf') };
    const username = `handler-${runId}`.toLowerCase();
    const weak = await post('/api/v1/users', { username, name: '新社工', role: 'community-handler', unitId: 'bf-d01-s01-c02', password: 'short' }, admin);
    expect(weak.status).toBe(400);
    expect((await json(weak)).errors).toEqual([{ field: 'password', code: 'too_short', reason: '至少 12 个字符' }]);
    const created = await post('/api/v1/users', { username, name: '新社工', role: 'community-handler', unitId: 'bf-d01-s01-c02', password: 'Jinhua-2026-strong' }, admin);
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ userId: username, role: 'community-handler', unitId: 'bf-d01-s01-c02', active: true });
    expect((await post('/api/v1/users', { username, name: 'x', role: 'operator', unitId: 'bf', password: 'Jinhua-2026-strong' }, admin)).status).toBe(409);
    expect((await post('/api/v1/users', { username: `svc-${runId}`.toLowerCase(), name: 'x', role: 'service', unitId: 'bf', password: 'Jinhua-2026-strong' }, admin)).status).toBe(400);

    const revoked = new RevokedSessions({ url: `${url}/api/v1/auth/revocations`, pollMs: 60_000 });
    const verifier = verifierFrom(`${url}/.well-known/jwks.json`, revoked);
    const first = await json(await login(username, 'Jinhua-2026-strong'));
    const rescoped = await fetch(`${url}/api/v1/users/${username}`, { method: 'PATCH', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ unitId: 'bf-d01-s01-c03' }) });
    expect(await json(rescoped)).toMatchObject({ unitId: 'bf-d01-s01-c03', openSessions: 0 });
    await revoked.poll();
    await expect(verifier.verify(first.accessToken)).rejects.toMatchObject({ reason: 'revoked' });
    const second = await json(await login(username, 'Jinhua-2026-strong'));
    expect(second.user.unitId).toBe('bf-d01-s01-c03');

    expect((await post(`/api/v1/users/${username}/deactivate`, {}, admin)).status).toBe(200);
    await revoked.poll();
    await expect(verifier.verify(second.accessToken)).rejects.toMatchObject({ reason: 'revoked' });
    expect((await login(username, 'Jinhua-2026-strong')).status).toBe(401);
    expect((await post('/api/v1/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);

    // only administrators manage users
    const street = { authorization: await bearerFor('street-coordinator', 'bf-d01-s01') };
    expect((await post('/api/v1/users', { username: 'x-y-z', name: 'x', role: 'operator', unitId: 'bf', password: 'Jinhua-2026-strong' }, street)).status).toBe(403);
    const types = (await json(await fetch(`${url}/api/v1/auth/audit?subject=${username}`, { headers: admin }))).items.map((e: Json) => e.type);
    expect(types).toEqual(expect.arrayContaining(['user-created', 'user-updated', 'user-deactivated']));
  });

  it('gives a service identity a narrow token by client credentials, and refuses a wrong secret', async () => {
    const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const tokenRequest = (authorization: string) => fetch(`${url}/api/v1/auth/token`, {
      method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials',
    });
    const ok = await tokenRequest(basic('svc-hotline', identityConfigSchema.parse({}).HOTLINE_CLIENT_SECRET));
    expect(ok.status).toBe(200);
    const body = await json(ok);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'directory.citizens.write', expires_in: 600 });
    const user = await verifierFrom(`${url}/.well-known/jwks.json`).verify(body.access_token);
    expect(user).toMatchObject({ userId: 'svc-hotline', role: 'service', unitId: 'svc-hotline', scopes: ['directory.citizens.write'] });
    const wrong = await tokenRequest(basic('svc-hotline', 'not-the-secret'));
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    expect((await tokenRequest(basic('svc-nobody', 'x'))).status).toBe(401);
  });

  it('tells who is signed in, and refuses without a token or with a token in the URL', async () => {
    const { accessToken } = await json(await login('supervisor', 'civicflow'));
    const me = await fetch(`${url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(await json(me)).toMatchObject({ userId: 'supervisor', role: 'supervisor', unitId: 'bf' });
    const anonymous = await fetch(`${url}/api/v1/auth/me`);
    expect(anonymous.status).toBe(401);
    expect(await json(anonymous)).toMatchObject({ message: expect.stringContaining('missing bearer token') });
    expect((await fetch(`${url}/api/v1/auth/me?access_token=${accessToken}`)).status).toBe(401);
  });
});
