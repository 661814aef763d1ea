import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../seed/demo-data';
import { createHarness, type Harness } from '../test/harness';
import { signInOverHttp, trpcQuery } from '../test/http';
import { createApp } from './app';

// The HTTP surface as a browser sees it: better-auth cookies, tRPC over fetch, the error shape.
let h: Harness;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  app = createApp({ database: h.database, auth: h.auth, payments: h.payments, now: h.now });
});
afterAll(async () => h.close());

const signIn = (email: string, password?: string) => signInOverHttp(app, email, password);
const trpcGet = (path: string, cookie: string, input?: unknown) => trpcQuery(app, path, cookie, input);
const roleOf = async (email: string) =>
  (await h.db.select({ role: schema.user.role }).from(schema.user).where(eq(schema.user.email, email)))[0]
    ?.role;

describe('HTTP server', () => {
  it('reports health with the database kind and migration state', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      database: { kind: string };
      migrations: { upToDate: boolean };
    };
    expect(body.status).toBe('ok');
    expect(body.database.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.migrations.upToDate).toBe(true);
  });

  it('signs in with a server session and answers session.me with the role and enterprise', async () => {
    const { res, cookie } = await signIn(demoUsers.sme.email);
    expect(res.status).toBe(200);
    const me = await trpcGet('session.me', cookie);
    const body = (await me.json()) as {
      result: { data: { json: { user: { role: string }; enterprise: { name: string } } } };
    };
    expect(body.result.data.json.user.role).toBe('sme');
    expect(body.result.data.json.enterprise.name).toBe('深圳智源未来科技有限公司');
  });

  it('refuses a wrong password', async () => {
    const { res } = await signIn(demoUsers.sme.email, 'wrong-password');
    expect(res.status).toBe(401);
  });

  it('never lets a sign-up choose the admin role', async () => {
    const signUp = (role: string, email: string) =>
      app.request('/api/auth/sign-up/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        body: JSON.stringify({ email, password: 'Password123!', name: 'X', role }),
      });
    expect((await signUp('admin', 'sneaky@example.cn')).ok).toBe(false);
    const ok = await signUp('provider', 'newprovider@example.cn');
    expect(ok.status).toBe(200);
    const { cookie } = await signIn('newprovider@example.cn', 'Password123!');
    const me = (await (await trpcGet('session.me', cookie)).json()) as {
      result: { data: { json: { user: { role: string } } } };
    };
    expect(me.result.data.json.user.role).toBe('provider');
  });

  it('never lets a signed-in user change their own role (update-user), and still lets them change their name', async () => {
    for (const email of [demoUsers.sme.email, demoUsers.provider.email]) {
      const { cookie } = await signIn(email);
      const updateUser = (body: unknown) =>
        app.request('/api/auth/update-user', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', cookie },
          body: JSON.stringify(body),
        });
      const roleBefore = await roleOf(email);
      for (const body of [{ role: 'admin' }, { role: 'admin', name: 'Staff' }, { role: 'provider' }]) {
        const res = await updateUser(body);
        expect(res.status, JSON.stringify(body)).toBe(403);
        expect(await roleOf(email)).toBe(roleBefore);
      }
      expect((await trpcGet('admin.fund.summary', cookie, { year: 2026 })).status).toBe(403);
      expect((await updateUser({ name: '改名测试' })).status).toBe(200);
      const me = (await (await trpcGet('session.me', cookie)).json()) as {
        result: { data: { json: { user: { name: string; role: string } } } };
      };
      expect(me.result.data.json.user).toMatchObject({ name: '改名测试', role: roleBefore });
    }
  });

  it('carries zod issues to the client and refuses non-admins on admin procedures', async () => {
    const { cookie } = await signIn(demoUsers.sme.email);
    const bad = await trpcGet('orders.quote', cookie, { offeringId: 'nope', quantity: -3 });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { json: { data: { code: string; zodIssues: Array<{ path: string[] }> } } };
    };
    expect(body.error.json.data.code).toBe('BAD_REQUEST');
    expect(body.error.json.data.zodIssues.map((i) => i.path[0]).sort()).toEqual(['offeringId', 'quantity']);
    const forbidden = await trpcGet('admin.fund.summary', cookie);
    expect(forbidden.status).toBe(403);
    const anonymous = await trpcGet('orders.mine', '');
    expect(anonymous.status).toBe(401);
  });

  it('lets the admin read the fund', async () => {
    const { cookie } = await signIn(demoUsers.admin.email);
    const res = await trpcGet('admin.fund.summary', cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { json: { budgetFen: number } } } };
    expect(body.result.data.json.budgetFen).toBe(50_000_000_00);
  });
});
