#!/usr/bin/env node
// A stand-in for the console BFF while it is being built, for trying the web app and the journey by hand:
// serves services/console/web/dist (index.html for client routes) and maps /api/session/login|me to identity and
// /api/<service>/<path> to that service's /api/v1/<path>. No SSE (/api/stream answers 204: the app polls) and
// no exports. Usage: node services/console/e2e/dev-gateway.mjs [port=3000]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { request, createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../web/dist/', import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const services = { identity: 3010, hotline: 3001, intake: 3002, grid: 3003, notification: 3005, casework: 3006, mediation: Number(process.env.MEDIATION_PORT ?? 3007) };
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

function proxy(req, res, targetPort, path) {
  const upstream = request({ host: '127.0.0.1', port: targetPort, path, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${targetPort}` } }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `upstream ${targetPort} unavailable: ${e.message}` }));
  });
  req.pipe(upstream);
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/api/stream') {
    res.writeHead(204).end();
    return;
  }
  if (url.pathname === '/api/session/login') return proxy(req, res, services.identity, '/api/v1/auth/login');
  if (url.pathname === '/api/session/me') return proxy(req, res, services.identity, '/api/v1/auth/me');
  const m = /^\/api\/([a-z]+)\/(.*)$/.exec(url.pathname);
  if (m && services[m[1]]) return proxy(req, res, services[m[1]], `/api/v1/${m[2]}${url.search}`);
  if (url.pathname.startsWith('/api/')) {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'not in the dev gateway' }));
    return;
  }
  let file = normalize(join(dist, decodeURIComponent(url.pathname)));
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`dev gateway on http://127.0.0.1:${port} (web: ${dist})`));
