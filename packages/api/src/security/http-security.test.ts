import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from '../auth/auth';
import { demoUsers } from '../seed/demo-data';
import { createApp, MAX_REQUEST_BYTES } from '../server/app';
import { createHarness, type Harness, TEST_SECRET } from '../test/harness';
import { signInOverHttp, TEST_ORIGIN, trpcMutation, trpcQuery } from '../test/http';
import { marketSnapshot } from '../test/marketplace';
import { H800, offeringId } from '../test/purchases';

// The HTTP surface against attacks a browser makes possible: cross-site requests riding on the session cookie,
// framing and script injection (headers), cookie theft, oversized bodies.
let h: Harness;
let app: ReturnType<typeof createApp>;
let spaRoot: string;
beforeAll(async () => {
  h = await createHarness();
  spaRoot = mkdtempSync(join(tmpdir(), 'nanshan-spa-'));
  writeFileSync(join(spaRoot, 'index.html'), '<!doctype html><div id="root"></div>');
  app = createApp({
    database: h.database,
    auth: h.auth,
    payments: h.payments,
    now: h.now,
    staticRoots: { market: spaRoot, admin: spaRoot },
  });
});
afterAll(async () => {
  rmSync(spaRoot, { recursive: true, force: true });
  await h.close();
});
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

async function placeOrder(cookie: string, headers?: Record<string, string>) {
  return trpcMutation(
    app,
    'orders.place',
    cookie,
    {
      offeringId: await offeringId(h, H800),
      quantity: 8,
      idempotencyKey: `csrf-${Math.random()}`,
      notRelatedDeclared: true,
    },
    headers,
  );
}

describe('CSRF: signed-in requests that change data come from our own pages only', () => {
  it('refuses a tRPC mutation with a foreign, null or missing origin, and changes nothing', async () => {
    const { cookie } = await signInOverHttp(app, demoUsers.sme.email);
    const before = await marketSnapshot(h);
    for (const headers of [
      {} as Record<string, string>,
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'null', referer: `${TEST_ORIGIN}/checkout` },
      { referer: 'https://evil.example/page' },
      { origin: 'http://localhost:3000.evil.example' },
    ]) {
      const res = await placeOrder(cookie, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'FORBIDDEN', message: 'untrusted_origin' });
    }
    expect(await marketSnapshot(h)).toEqual(before);
  });

  it('lets the same mutation through from our origin, or from our page named by Referer alone', async () => {
    const { cookie } = await signInOverHttp(app, demoUsers.sme.email);
    expect((await placeOrder(cookie, { origin: TEST_ORIGIN })).status).toBe(200);
    expect((await placeOrder(cookie, { referer: `${TEST_ORIGIN}/offerings/x` })).status).toBe(200);
  });

  it('leaves reads and cookie-less requests alone', async () => {
    const { cookie } = await signInOverHttp(app, demoUsers.sme.email);
    expect((await trpcQuery(app, 'orders.mine', cookie)).status).toBe(200);
    // Without a cookie there is no session to ride on: the procedure's own check answers.
    const anonymous = await trpcMutation(app, 'orders.place', '', {}, { origin: 'https://evil.example' });
    expect(anonymous.status).toBe(401);
  });

  it('better-auth refuses a cross-site sign-out and keeps the session', async () => {
    const { cookie } = await signInOverHttp(app, demoUsers.sme.email);
    const signOut = (origin: string) =>
      app.request('/api/auth/sign-out', { method: 'POST', headers: { cookie, origin } });
    expect((await signOut('https://evil.example')).status).toBe(403);
    expect((await trpcQuery(app, 'orders.mine', cookie)).status).toBe(200);
    expect((await signOut(TEST_ORIGIN)).status).toBe(200);
    expect((await trpcQuery(app, 'orders.mine', cookie)).status).toBe(401);
  });

  it('better-auth refuses a sign-in posted from another site (login CSRF), cookies or not', async () => {
    const signIn = (headers: Record<string, string>) =>
      app.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: demoUsers.sme.email, password: 'Demo@2026' }),
      });
    for (const headers of [
      { origin: 'https://evil.example' } as Record<string, string>,
      { origin: 'https://evil.example', cookie: 'unrelated=1' },
      { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
    ]) {
      const res = await signIn(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax, and not Secure over plain http', async () => {
    const { res } = await signInOverHttp(app, demoUsers.sme.email);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='));
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).not.toMatch(/; Secure/i);
  });

  it('is Secure with the __Secure- prefix, and HSTS is sent, when the server is reached over https', async () => {
    const origin = 'https://vouchers.nanshan.example';
    const httpsApp = createApp({
      database: h.database,
      auth: createAuth({ db: h.db, secret: TEST_SECRET, baseURL: origin }),
      payments: h.payments,
      now: h.now,
    });
    const { res, cookie } = await signInOverHttp(httpsApp, demoUsers.sme.email, undefined, { origin });
    expect(res.status).toBe(200);
    const session = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Secure-better-auth.session_token='));
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect((await trpcQuery(httpsApp, 'orders.mine', cookie)).status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await app.request('/api/health')).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('security headers', () => {
  it('sends a CSP and the anti-sniffing, anti-framing and referrer headers on pages and API answers', async () => {
    for (const path of ['/', '/admin/', '/offerings/123', '/api/health', '/api/nope']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // Not `no-referrer`: that would make browsers send `Origin: null` on our own POSTs.
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });
});

describe('request size', () => {
  it('refuses a body over the limit before reading it, and stores nothing', async () => {
    const { cookie } = await signInOverHttp(app, demoUsers.provider.email);
    const before = await marketSnapshot(h);
    const res = await app.request('/api/trpc/documents.upload', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: TEST_ORIGIN },
      body: 'x'.repeat(MAX_REQUEST_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'request_too_large' });
    expect(await marketSnapshot(h)).toEqual(before);
  });
});
