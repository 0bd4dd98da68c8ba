import { Role } from '@civicflow/contracts';
import { DEVELOPMENT_SIGNING_KEY, TokenSigner } from '@civicflow/platform';

let signer: Promise<TokenSigner> | undefined;

/** The development key pair's signer: what identity signs with in native mode, and what the services under test verify. */
export function testTokenSigner(): Promise<TokenSigner> {
  return (signer ??= TokenSigner.fromPem(DEVELOPMENT_SIGNING_KEY));
}

/** A bearer token for a test user, signed with the development key the services under test verify with. */
export async function bearerFor(role: Role, unitId: string, userId = `${role}-test`, ttl: string | number = '12h'): Promise<string> {
  return `Bearer ${await (await testTokenSigner()).sign({ userId, name: userId, role, unitId }, { ttl })}`;
}

/** Who a test request is made as. */
export interface TestUser {
  role: Role;
  unitId: string;
  userId?: string;
}

export interface TestResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the API answered
  body: any;
}

/**
 * A JSON request helper over services started in the test (name → base URL): `http('casework', 'POST', path, who, body)`
 * signs a bearer token for `who` and parses the JSON answer.
 */
export function httpAs<S extends string>(urls: Record<S, string>) {
  return async (service: S, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, who: TestUser, body?: unknown): Promise<TestResponse> => {
    const res = await fetch(`${urls[service]}${path}`, {
      method,
      headers: { authorization: await bearerFor(who.role, who.unitId, who.userId), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the answer's shape is the test's to check
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}
