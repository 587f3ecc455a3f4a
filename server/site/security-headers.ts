import { secureHeaders } from 'hono/secure-headers';

/** The site's Content-Security-Policy: nothing inline, nothing from elsewhere. */
export const SITE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

/**
 * Security headers of every site response. Headers a route sets itself win (`overwrite: false`),
 * so that downloads keep their stricter, sandboxing policy.
 */
export function siteSecurityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: SITE_CSP,
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
    overwrite: false,
  });
}
