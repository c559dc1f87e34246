/**
 * Security headers on every response. Handlers that need other values set them themselves and
 * win (`overwrite: false`): the demo page its nonce CSP, widget.js its cross-origin CORP.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    overwrite: false,
    // JSON never needs to load or run anything, nor to be framed.
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Cross-origin reads of the API go through CORS; no-cors embedding of JSON stays blocked.
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}
