import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { closeKeepAliveOnStop, stopGracefully } from './serve-until-stopped';

describe('stopGracefully', () => {
  let server: Server;
  afterEach(() => server?.closeAllConnections());

  it('ends a keep-alive connection that keeps asking with the answer it carries, instead of waiting out the drain', async () => {
    server = createServer((_request, response) => setTimeout(() => response.end('ok'), 5));
    closeKeepAliveOnStop(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    let asking = true;
    let stopAsked = false;
    const afterStop: Array<string | null> = [];
    const failures: unknown[] = [];
    const client = (async () => {
      while (asking) {
        try {
          const response = await fetch(url);
          await response.text();
          if (stopAsked) afterStop.push(response.headers.get('connection'));
        } catch (error) {
          if (!stopAsked) failures.push(error);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));

    let cut = false;
    const closeAll = server.closeAllConnections.bind(server);
    server.closeAllConnections = () => { cut = true; closeAll(); };
    stopAsked = true;
    // a drain far longer than the test's own timeout: the stop must end by itself, not by the cut
    await stopGracefully({ getHttpServer: () => server, close: async () => undefined } as unknown as INestApplication, 600_000);
    asking = false;
    await client;

    expect(cut).toBe(false);
    expect(failures).toEqual([]);
    // nothing was served on that connection after the answer it had in hand
    expect(afterStop.length).toBeLessThanOrEqual(1);
  });
});
