import { secureHeaders } from 'hono/secure-headers';

/**
 * Response headers for every route. The CSP fits the built Vite apps: their scripts, styles and fonts are
 * same-origin files; Mantine sets inline `style` attributes and `<style>` tags for its CSS variables (hence
 * `'unsafe-inline'` for styles only, never scripts); downloads are `blob:` links; no page may frame ours.
 * The referrer policy is the browsers' default on purpose: `no-referrer` would make browsers send `Origin: null`
 * on our own POSTs, which the CSRF check refuses. HSTS only when the server is reached over https.
 */
export function securityHeaders({ https }: { https: boolean }) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
  });
}
