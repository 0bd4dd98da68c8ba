import { mapProxyRoute } from './proxy-route';

describe('gateway route mapping', () => {
  it('maps /api/<service>/<path> onto the service’s /api/v1/<path>, query kept', () => {
    expect(mapProxyRoute('/api/hotline/calls?x=1&y=%E8%B7%AF')).toEqual({ service: 'hotline', upstreamPath: '/api/v1/calls?x=1&y=%E8%B7%AF' });
    expect(mapProxyRoute('/api/casework/cases/20261128-000001/commands/accept')).toEqual({ service: 'casework', upstreamPath: '/api/v1/cases/20261128-000001/commands/accept' });
    expect(mapProxyRoute('/api/grid')).toEqual({ service: 'grid', upstreamPath: '/api/v1' });
    expect(mapProxyRoute('/api/intake/photos/abc')).toEqual({ service: 'intake', upstreamPath: '/api/v1/photos/abc' });
  });

  it('leaves the gateway’s own routes and unknown services alone', () => {
    for (const url of ['/api/session/login', '/api/stream', '/api/export/cases', '/api/docs', '/', '/index.html', '/api/unknown/x', '/api/hotlinex/calls', '/apix/hotline']) {
      expect(mapProxyRoute(url)).toBeUndefined();
    }
  });

  it('refuses paths that climb out of /api/v1', () => {
    expect(mapProxyRoute('/api/hotline/../../health/ready')).toBeUndefined();
    expect(mapProxyRoute('/api/hotline/%2e%2e/%2e%2e/health/ready')).toBeUndefined();
    expect(mapProxyRoute('/api/hotline/a/../calls')).toEqual({ service: 'hotline', upstreamPath: '/api/v1/calls' });
  });

  it('never turns a token in the URL into credentials (it passes on as a plain parameter the services ignore)', () => {
    expect(mapProxyRoute('/api/intake/photos/abc?access_token=t0k&size=s')).toEqual({ service: 'intake', upstreamPath: '/api/v1/photos/abc?access_token=t0k&size=s' });
  });
});
