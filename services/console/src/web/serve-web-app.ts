import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { localeFrom } from '@civicflow/platform';

/** Paths the web app never owns: the gateway's API, its docs and the health probes. */
export function isServerPath(path: string): boolean {
  return /^\/(api|health)(\/|$)/.test(path);
}

/** Vite names every built asset by its content hash (assets/<name>-<hash>.<ext>): such a file never changes under its name. */
export function isHashedAsset(file: string): boolean {
  return basename(dirname(file)) === 'assets' && /-[\w-]{8,}\.\w+$/.test(basename(file).replace(/\.(br|gz)$/, ''));
}
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built console (services/console/web/dist) at /: files as they are — the brotli or gzip copy the build made
 * when the browser takes it, hashed assets cached for a year (immutable), everything else revalidated — and
 * index.html for every other GET that is not an API path (client-side routes). Without a build, / answers 503
 * saying how to make one.
 */
export function serveWebApp(distDir: string): RequestHandler {
  const indexFile = join(distDir, 'index.html');
  // express-static-gzip lists the compressed copies when it is made: made again when the build changes
  let built: { at: number; handler: RequestHandler } | undefined;
  const filesOfBuild = (): RequestHandler => {
    const at = statSync(indexFile).mtimeMs;
    if (built?.at !== at) built = { at, handler: staticFiles(distDir) };
    return built.handler;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    if (!existsSync(indexFile)) {
      const en = localeFrom(req.headers['accept-language']) === 'en';
      const message = en
        ? 'The console web app is not built yet: run `npm run build -w @civicflow/console`'
        : '控制台前端尚未构建,请运行 `npm run build -w @civicflow/console` console web app not built: run `npm run build -w @civicflow/console`';
      res.status(503).json({ statusCode: 503, error: 'Service Unavailable', message });
      return;
    }
    const files = filesOfBuild();
    // a missing hashed asset is a stale page asking for an old build: 404, not the app's HTML under a .js name
    if (req.path.startsWith('/assets/')) {
      return files(req, res, () => res.status(404).type('text/plain').send('not found'));
    }
    files(req, res, () => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(indexFile);
    });
  };
}

function staticFiles(distDir: string): RequestHandler {
  return expressStaticGzip(distDir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      fallthrough: true,
      setHeaders: (res, file) => res.setHeader('cache-control', isHashedAsset(file) ? IMMUTABLE : 'no-cache'),
    },
  });
}
