import type { MiddlewareHandler } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string | undefined): string | null {
  if (!url || url === 'null') return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * CSRF protection for cookie-authenticated requests: a state-changing request that carries cookies must come from
 * a page of a trusted origin, named by its `Origin` header (or, when a browser leaves that out, by its `Referer`).
 * Browsers send `Origin` on every cross-site and same-origin POST, so the apps' own fetches pass and a form or
 * fetch from another site is refused before the handler runs. Requests without cookies (server-to-server, e.g.
 * the Stripe webhook) carry no ambient authority and are left to their own checks.
 */
export function trustedOriginCheck(trustedOrigins: readonly string[]): MiddlewareHandler {
  const trusted = new Set(trustedOrigins.map(originOf).filter((o): o is string => o !== null));
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !c.req.header('cookie')) return next();
    // A present Origin decides, even `null` (a sandboxed or privacy-stripped request): only its absence defers to Referer.
    const declared = c.req.header('origin');
    const origin = originOf(declared ?? c.req.header('referer'));
    if (origin && trusted.has(origin)) return next();
    return c.json(
      {
        code: 'FORBIDDEN',
        message: 'untrusted_origin',
        detail: 'A signed-in request that changes data must come from one of this server’s own pages.',
      },
      403,
    );
  };
}
