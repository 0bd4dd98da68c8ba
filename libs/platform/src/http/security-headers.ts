import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The browser-facing security headers of every CivicFlow HTTP app (the console's web app and every API with its
 * Swagger UI), by helmet: a Content Security Policy that loads code only from our own origin (styles may be inline:
 * Ant Design and ECharts set them at run time), no framing by other sites (`frame-ancestors 'none'`, and
 * X-Frame-Options for older browsers), `nosniff`, no referrer to other origins, no cross-origin opener.
 * `imageOrigins`: other origins images may come from (the console's configured map tiles).
 */
export function securityHeaders(options: { imageOrigins?: readonly string[] } = {}): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(options.imageOrigins ?? [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // served over plain HTTP locally; a deployment's TLS terminator sets HSTS
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  }) as RequestHandler;
}
