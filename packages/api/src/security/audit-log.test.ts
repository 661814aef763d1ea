import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDatabase, type Database, schema } from '@nanshan/db';
import { dbErrorOf } from '@nanshan/db/testing';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/record-audit';
import { appRouter } from '../root';
import { migrateIfPending } from '../server/migrate-if-pending';
import { createHarness, type Harness } from '../test/harness';
import { buy, H800 } from '../test/purchases';
import { createCallerFactory } from '../trpc';

const createCaller = createCallerFactory(appRouter);

// The audit log (and the ledger) as tamper-evident history: the application's own connection cannot rewrite it,
// a restricted production role cannot even try, and an edit made by the owner behind the trigger is detected.
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
  // Real history: a purchase and its payment write audit entries and ledger transfers.
  await buy(h, await h.callerFor('sme'), H800, 8);
  await buy(h, await h.callerFor('large'), H800, 16);
});
afterAll(async () => h.close());

describe('append-only through the application connection', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on the audit log and the ledger, and keeps every row', async () => {
    const before = await h.db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id));
    expect(before.length).toBeGreaterThan(1);
    for (const statement of [
      sql`update audit_log set action = 'nothing.happened'`,
      sql`delete from audit_log`,
      sql`update ledger_transfers set amount_fen = 1`,
      sql`delete from ledger_transfers`,
      // The row triggers do not see TRUNCATE; statement triggers refuse it (migration 0008), also to the owner.
      sql`truncate audit_log`,
      sql`truncate ledger_transfers cascade`,
    ]) {
      expect(await dbErrorOf(h.db.execute(statement))).toMatch(/append_only/);
    }
    expect(await h.db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id))).toEqual(before);
    expect(await verifyAuditChain(h.db)).toBeNull();
  });

  it('detects an entry the owner rewrote behind the disabled trigger: the chain breaks at that entry', async () => {
    const [, second] = await h.db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id));
    // As the tables' owner: the one way past the trigger.
    await h.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    try {
      await h.db.execute(sql`update audit_log set actor_user_id = null where id = ${second!.id}`);
    } finally {
      await h.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    }
    expect(await verifyAuditChain(h.db)).toBe(second!.id);
  });
});

// Roles are cluster-wide and PGlite has a single user, so this part needs a real Postgres.
describe.runIf(process.env.DATABASE_URL)(
  'the restricted production role (packages/db/sql/app-role.sql)',
  () => {
    const role = `nanshan_app_${process.pid}`;
    let restricted: Database;
    beforeAll(async () => {
      await h.db.execute(sql.raw(`create role ${role} login`));
      const grants = readFileSync(resolve(import.meta.dirname, '../../../db/sql/app-role.sql'), 'utf8');
      await h.db.execute(sql.raw(grants.replaceAll('nanshan_app', role)));
      const url = new URL(h.database.url!);
      url.username = role;
      url.password = '';
      restricted = createDatabase({ url: url.toString(), maxConnections: 2 });
    });
    afterAll(async () => {
      await restricted?.close();
      await h.db.execute(sql.raw(`drop owned by ${role}`));
      await h.db.execute(sql.raw(`drop role ${role}`));
    });

    it('runs the application (a paid, audited purchase) but can neither edit, delete, truncate nor unprotect history', async () => {
      const [{ user } = { user: '' }] = (await restricted.db.execute(
        sql`select current_user as user`,
      )) as unknown as {
        user: string;
      }[];
      expect(user).toBe(role);
      // The server's startup step: with the owner's migrations applied it only reads.
      await migrateIfPending(restricted);
      // A paid purchase through the app's procedures writes orders, ledger transfers and audit entries.
      const before = await h.db.select({ id: schema.auditLog.id }).from(schema.auditLog);
      const sme = createCaller({
        db: restricted.db,
        now: h.now,
        payments: h.payments,
        user: await h.userOf('sme'),
      });
      const orderId = await buy(h, sme, H800, 8);
      expect((await sme.orders.get({ orderId })).status).toBe('paid');
      expect((await h.db.select({ id: schema.auditLog.id }).from(schema.auditLog)).length).toBeGreaterThan(
        before.length,
      );
      // It can run the chain verifier (the entry rewritten above still shows).
      expect(await verifyAuditChain(restricted.db)).toBe(await verifyAuditChain(h.db));
      for (const statement of [
        'update audit_log set action = action',
        'delete from audit_log',
        'truncate audit_log',
        'update ledger_transfers set amount_fen = amount_fen',
        'delete from ledger_transfers',
        'truncate ledger_transfers',
      ]) {
        expect(await dbErrorOf(restricted.db.execute(sql.raw(statement))), statement).toMatch(/^42501 /);
      }
      expect(
        await dbErrorOf(
          restricted.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`),
        ),
      ).toMatch(/must be owner/);
    });
  },
);
