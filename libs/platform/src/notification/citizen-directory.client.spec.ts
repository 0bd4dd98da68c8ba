import { TokenVerifier } from '../auth/tokens';
import { CitizenDirectoryClient } from './citizen-directory.client';

describe('the citizen directory client', () => {
  afterEach(() => jest.restoreAllMocks());
  const account = { userId: 'svc-mediation', name: 'mediation', unitId: 'bf' };

  it('PUTs the phone to the citizen route with a service token it signs for its account (admin)', async () => {
    const secret = 'unit-test-jwt-secret-that-is-long-enough-000';
    const fetchMock = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 200 }));
    const client = new CitizenDirectoryClient({ notificationUrl: 'http://notification.test/', serviceAccount: account, jwtSecret: secret });
    await client.putCitizen('party:tj-1:p-1', { phone: '13800138000' });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://notification.test/api/v1/directory/citizens/party%3Atj-1%3Ap-1');
    expect(init).toMatchObject({ method: 'PUT', body: JSON.stringify({ phone: '13800138000' }) });
    const token = (init.headers as Record<string, string>).authorization.replace('Bearer ', '');
    expect(await new TokenVerifier({ secret }).verify(token)).toMatchObject({ userId: 'svc-mediation', role: 'admin', unitId: 'bf' });
  });

  it('uses a configured token as is, and throws with the status when the directory refuses', async () => {
    const fetchMock = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"message":"role not allowed"}', { status: 403 }));
    const client = new CitizenDirectoryClient({ notificationUrl: 'http://notification.test', serviceAccount: account, jwtSecret: 'x'.repeat(32), token: 'configured' });
    await expect(client.putCitizen('party:tj-1:p-1', { phone: '13800138000' })).rejects.toThrow(/answered 403/);
    expect(((fetchMock.mock.calls[0][1] as RequestInit).headers as Record<string, string>).authorization).toBe('Bearer configured');
  });
});
