import { schema } from '@nanshan/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from '../auth/auth';
import { demoUsers } from '../seed/demo-data';
import { createApp } from '../server/app';
import { signInLimitFromEnv } from '../server/config';
import { createHarness, type Harness, TEST_SECRET } from '../test/harness';
import { signInOverHttp } from '../test/http';

const MAX = 3;
let h: Harness;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  h = await createHarness();
  app = createApp({
    database: h.database,
    auth: h.auth,
    payments: h.payments,
    now: h.now,
    signInLimit: { maxPerMinute: MAX },
  });
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

const attempt = (target: typeof app, email: string, ip = '198.51.100.7', password = 'wrong-password') =>
  signInOverHttp(target, email, password, { ip }).then(({ res }) => res);

describe('sign-in rate limit', () => {
  it('answers 429 after the limit, right password or not, per client IP and email, until the minute passes', async () => {
    const email = demoUsers.sme.email;
    for (let i = 0; i < MAX; i++) expect((await attempt(app, email)).status).toBe(401);
    const limited = await attempt(app, email, undefined, 'Demo@2026');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'sign_in_rate_limited',
    });
    expect(limited.headers.getSetCookie()).toEqual([]);
    // Other emails from that address, and the same email from another address, have their own counters.
    expect((await attempt(app, demoUsers.large.email, undefined, 'Demo@2026')).status).toBe(200);
    expect((await attempt(app, email, '203.0.113.9', 'Demo@2026')).status).toBe(200);
    // Emails are counted case- and space-insensitively: changing the case does not buy more guesses.
    expect((await attempt(app, ` ${email.toUpperCase()} `)).status).toBe(429);
    h.setNow('2026-11-28T02:00:30Z');
    expect((await attempt(app, email)).headers.get('retry-after')).toBe('30');
    h.setNow('2026-11-28T02:01:00Z');
    expect((await attempt(app, email, undefined, 'Demo@2026')).status).toBe(200);
  });

  it('holds across server instances with their own connection pools: the N+1th attempt of a burst is refused', async () => {
    // On Postgres the second instance has its own pool (another "process"); PGlite has one connection to share.
    const otherDatabase = h.database.kind === 'postgres' ? h.database.connectAnother() : h.database;
    const other = createApp({
      database: otherDatabase,
      auth: createAuth({ db: otherDatabase.db, secret: TEST_SECRET, baseURL: 'http://localhost:3000' }),
      payments: h.payments,
      now: h.now,
      signInLimit: { maxPerMinute: MAX },
    });
    const statuses = await Promise.all(
      Array.from({ length: 3 * MAX }, (_, i) => attempt(i % 2 ? other : app, demoUsers.sme.email)),
    ).then((responses) => responses.map((r) => r.status));
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * MAX);
    const [counter] = await h.db.select().from(schema.signInAttempts);
    expect(counter?.attempts).toBe(3 * MAX);
  });

  it('reads its limit from NANSHAN_SIGNIN_MAX_PER_MINUTE and refuses nonsense', () => {
    expect(signInLimitFromEnv({})).toEqual({ maxPerMinute: 10, clientIpHeader: undefined });
    expect(
      signInLimitFromEnv({ NANSHAN_SIGNIN_MAX_PER_MINUTE: '25', NANSHAN_CLIENT_IP_HEADER: 'X-Real-IP' }),
    ).toEqual({ maxPerMinute: 25, clientIpHeader: 'x-real-ip' });
    for (const bad of ['0', '-1', '2.5', 'ten'])
      expect(() => signInLimitFromEnv({ NANSHAN_SIGNIN_MAX_PER_MINUTE: bad })).toThrow(
        /NANSHAN_SIGNIN_MAX_PER_MINUTE/,
      );
  });

  it('takes the client address from the proxy header when configured', async () => {
    const proxied = createApp({
      database: h.database,
      auth: h.auth,
      payments: h.payments,
      now: h.now,
      signInLimit: { maxPerMinute: 1, clientIpHeader: 'x-real-ip' },
    });
    const viaProxy = (clientIp: string) =>
      proxied.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'http://localhost:3000',
          'x-real-ip': clientIp,
        },
        body: JSON.stringify({ email: demoUsers.sme.email, password: 'wrong-password' }),
      });
    expect((await viaProxy('192.0.2.1')).status).toBe(401);
    expect((await viaProxy('192.0.2.1')).status).toBe(429);
    expect((await viaProxy('192.0.2.2')).status).toBe(401);
  });
});
