import { ServiceTokens } from '../auth/service-token';
import { CitizenDirectoryClient } from './citizen-directory.client';

/** Hands out numbered tokens; counts how often a fresh one was asked for. */
function countingTokens(): ServiceTokens & { issued: number } {
  let current: string | undefined;
  const tokens = {
    issued: 0,
    token: async () => (current ??= `token-${++tokens.issued}`),
    invalidate: () => void (current = undefined),
  };
  return tokens;
}

describe('the citizen directory client', () => {
  afterEach(() => jest.restoreAllMocks());

  it('PUTs the phone to the citizen route with the service’s own token', async () => {
    const fetchMock = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 200 }));
    const client = new CitizenDirectoryClient({ notificationUrl: 'http://notification.test/', tokens: countingTokens() });
    await client.putCitizen('party:tj-1:p-1', { phone: '13800138000' });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://notification.test/api/v1/directory/citizens/party%3Atj-1%3Ap-1');
    expect(init).toMatchObject({ method: 'PUT', body: JSON.stringify({ phone: '13800138000' }) });
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer token-1');
  });

  it('asks for a fresh token once when the directory refuses the token, and throws with the status otherwise', async () => {
    const tokens = countingTokens();
    const fetchMock = jest.spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response('{}', { status: 401 }))
      .mockResolvedValueOnce(new Response('{}', { status: 200 }))
      .mockResolvedValueOnce(new Response('{"message":"role not allowed"}', { status: 403 }));
    const client = new CitizenDirectoryClient({ notificationUrl: 'http://notification.test', tokens });
    await client.putCitizen('party:tj-1:p-1', { phone: '13800138000' });
    expect(fetchMock.mock.calls.map((c) => ((c[1] as RequestInit).headers as Record<string, string>).authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    await expect(client.putCitizen('party:tj-1:p-1', { phone: '13800138000' })).rejects.toThrow(/answered 403/);
    expect(tokens.issued).toBe(2);
  });
});
