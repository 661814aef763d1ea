import type { Hono } from 'hono';
import { DEMO_PASSWORD } from '../seed/demo-data';

/** The origin the harness's auth runs at; browsers on the apps' pages send it as `Origin`. */
export const TEST_ORIGIN = 'http://localhost:3000';

/** A fake socket peer, as @hono/node-server passes it, so in-process requests have a client address. */
export function fromIp(address: string) {
  return { incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } };
}

/** Signs in over HTTP like the apps do; returns the response and the cookie header to send afterwards. */
export async function signInOverHttp(
  app: Hono,
  email: string,
  password = DEMO_PASSWORD,
  options: { ip?: string; origin?: string } = {},
) {
  const res = await app.request(
    '/api/auth/sign-in/email',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: options.origin ?? TEST_ORIGIN },
      body: JSON.stringify({ email, password }),
    },
    options.ip ? fromIp(options.ip) : undefined,
  );
  return { res, cookie: cookieHeaderOf(res) };
}

/** The `Cookie` header a browser would send back after `res`. */
export function cookieHeaderOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A tRPC query over HTTP (GET, superjson wire format). */
export function trpcQuery(app: Hono, path: string, cookie: string, input?: unknown) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return app.request(`/api/trpc/${path}${query}`, { headers: { cookie } });
}

/** A tRPC mutation over HTTP (POST); `headers` adds or overrides e.g. `origin`. */
export function trpcMutation(
  app: Hono,
  path: string,
  cookie: string,
  input: unknown,
  headers: Record<string, string> = { origin: TEST_ORIGIN },
) {
  return app.request(`/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify({ json: input }),
  });
}
