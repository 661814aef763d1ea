import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationState } from './migrate';
import { fundYears, ledgerAccounts, ledgerTransfers, subsidyUsage } from './schema';
import { enterprises } from './schema/parties';
import { createTestDatabase, dbErrorOf, type TestDatabase } from './testing';

// These tests prove the database itself refuses what would break an invariant, whatever the app does.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function anEnterprise() {
  const [row] = await t.db
    .insert(enterprises)
    .values({
      uscc: `91440300MA5${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
      name: 'Test AI',
      district: '南山区',
      registeredInNanshan: true,
      legalStatus: 'independent',
      industry: 'software_it',
      employees: 50,
      revenueFen: 1_000_000_00,
      assetsFen: 1_000_000_00,
      aiActivity: 'llm_training',
    })
    .returning();
  return row!;
}

describe(`database constraints (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('applies every migration', async () => {
    const state = await migrationState(t);
    expect(state.upToDate).toBe(true);
    expect(state.applied).toBeGreaterThan(0);
  });

  it('refuses granted + reserved above the annual cap (invariant 2)', async () => {
    const e = await anEnterprise();
    await t.db.insert(subsidyUsage).values({ enterpriseId: e.id, article: 'art6', year: 2026, capFen: 100 });
    await t.db.execute(
      sql`update subsidy_usage set reserved_fen = 60, granted_fen = 40 where enterprise_id = ${e.id}`,
    );
    expect(
      await dbErrorOf(
        t.db.execute(sql`update subsidy_usage set reserved_fen = 61 where enterprise_id = ${e.id}`),
      ),
    ).toMatch(/usage_within_cap/);
  });

  it('refuses committed + reserved above the fund budget (invariant 3)', async () => {
    await t.db.insert(fundYears).values({ year: 2031, budgetFen: 1000 });
    expect(
      await dbErrorOf(
        t.db.execute(sql`update fund_years set committed_fen = 600, reserved_fen = 401 where year = 2031`),
      ),
    ).toMatch(/fund_within_budget/);
  });

  it('keeps the ledger append-only and pending transfers resolved once (invariant 4)', async () => {
    await t.db.insert(ledgerAccounts).values([
      { code: 'fund:2031', kind: 'fund', name: 'fund' },
      { code: 'provider_payable:x', kind: 'provider_payable', name: 'x' },
    ]);
    const [pending] = await t.db
      .insert(ledgerTransfers)
      .values({
        kind: 'pending',
        debitAccount: 'fund:2031',
        creditAccount: 'provider_payable:x',
        amountFen: 10,
        memo: 'r',
      })
      .returning();
    expect(await dbErrorOf(t.db.execute(sql`update ledger_transfers set amount_fen = 1`))).toMatch(
      /append_only/,
    );
    expect(await dbErrorOf(t.db.execute(sql`delete from ledger_transfers`))).toMatch(/append_only/);
    const resolve = (kind: 'post_pending' | 'void_pending', amountFen = 10) =>
      t.db.insert(ledgerTransfers).values({
        kind,
        pendingId: pending!.id,
        debitAccount: 'fund:2031',
        creditAccount: 'provider_payable:x',
        amountFen,
        memo: kind,
      });
    expect(await dbErrorOf(resolve('post_pending', 11))).toMatch(/pending_mismatch/);
    await resolve('post_pending');
    expect(await dbErrorOf(resolve('void_pending'))).toMatch(/transfer_pending_resolved_once|duplicate key/);
  });

  it('refuses an unbalanced order row', async () => {
    expect(
      await dbErrorOf(
        t.db.execute(sql`insert into ledger_transfers (kind, debit_account, credit_account, amount_fen, memo)
        values ('single', 'fund:2031', 'fund:2031', 5, 'self')`),
      ),
    ).toMatch(/transfer_two_accounts/);
  });
});
