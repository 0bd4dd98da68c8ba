import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RequestHandler } from 'express';

interface RouterLike {
  stack: unknown[];
}

/**
 * Puts middleware in front of everything the app registered so far — above all the JSON body parser that
 * createHttpApp installs: proxied bodies must reach the upstream untouched (its own limits and errors), and
 * static files need no parsing. Express 5 keeps the app's middleware in `app.router.stack`.
 */
export function mountInFront(app: NestExpressApplication, ...handlers: RequestHandler[]): void {
  const express = app.getHttpAdapter().getInstance() as { use: (h: RequestHandler) => void; router: RouterLike };
  const before = express.router.stack.length;
  for (const handler of handlers) express.use(handler);
  const added = express.router.stack.splice(before);
  express.router.stack.unshift(...added);
}
