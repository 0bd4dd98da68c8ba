import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { localeFrom } from '@civicflow/platform';

/** Paths the web app never owns: the gateway's API, its docs and the health probes. */
export function isServerPath(path: string): boolean {
  return /^\/(api|health)(\/|$)/.test(path);
}

/**
 * The built console (services/console/web/dist) at /: files as they are, and index.html for every other GET
 * that is not an API path (client-side routes). Without a build, / answers 503 saying how to make one.
 */
export function serveWebApp(distDir: string): RequestHandler {
  const files = express.static(distDir, { index: false, fallthrough: true });
  const indexFile = join(distDir, 'index.html');
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
    files(req, res, () => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(indexFile);
    });
  };
}
