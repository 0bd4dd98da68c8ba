// Demo users log in against the real MongoDB-protocol server and get tokens every service accepts.
import { INestApplication } from '@nestjs/common';
import { MongoClient } from 'mongodb';
import { TokenVerifier } from '@civicflow/platform';
import { integrationConfig, uniqueId } from '@civicflow/testing';
import { createIdentityApp, DEMO_USERS, identityConfigSchema } from '@civicflow/identity';

const runId = uniqueId();
const env = integrationConfig({ MONGO_DB_PREFIX: runId });

describe('identity: login with the seeded demo users', () => {
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

  const login = (body: unknown) => fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('issues a token carrying role and jurisdiction for every role', async () => {
    const verifier = new TokenVerifier({ secret: env.JWT_SECRET });
    expect(new Set(DEMO_USERS.map((u) => u.role)).size).toBe(9);
    for (const demo of DEMO_USERS) {
      const res = await login({ username: demo.username, password: 'civicflow' });
      expect(res.status).toBe(200);
      const { accessToken } = (await res.json()) as { accessToken: string };
      await expect(verifier.verify(accessToken)).resolves.toEqual({ userId: demo.username, name: demo.name, role: demo.role, unitId: demo.unitId });
    }
  });

  it('answers a wrong password and an unknown user alike, and a malformed body with the field', async () => {
    const wrong = await login({ username: 'operator', password: 'nope' });
    const unknown = await login({ username: 'nobody', password: 'civicflow' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const bad = await login({ username: '' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['password', 'username']);
  });

  it('tells who is signed in, and refuses without a token', async () => {
    const { accessToken } = (await (await login({ username: 'street', password: 'civicflow' })).json()) as { accessToken: string };
    const me = await fetch(`${url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(await me.json()).toMatchObject({ userId: 'street', role: 'street-coordinator', unitId: 'bf-d01-s01' });
    const anonymous = await fetch(`${url}/api/v1/auth/me`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: expect.stringContaining('missing bearer token') });
  });
});
