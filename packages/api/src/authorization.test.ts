import { queryRows } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './root';
import { createHarness, type Harness } from './test/harness';

/**
 * The authorization matrix: every procedure of the app router × every role. The table is the
 * specification; a procedure missing from it fails the suite, so nothing ships without a decision on who
 * may call it. Refused calls must be refused before any input is read, and change nothing.
 */
type Who = 'anonymous' | 'sme' | 'provider' | 'admin';
const ROLES: Who[] = ['anonymous', 'sme', 'provider', 'admin'];
const SIGNED_IN: Who[] = ['sme', 'provider', 'admin'];

const ACCESS: Record<string, Who[]> = {
  'session.me': ROLES,
  'offerings.list': ROLES,
  'orders.quote': ['sme'],
  'orders.place': ['sme'],
  'orders.mine': ['sme'],
  'orders.get': ['sme'],
  'orders.cancel': ['sme'],
  'orders.receipt': ['sme'],
  'payments.simulatePay': ['sme'],
  'subsidy.summary': ['sme'],
  'subsidy.monthly': ['sme'],
  'statements.orders': ['sme'],
  'incubator.mine': ['sme'],
  'enterprises.options': SIGNED_IN,
  'enterprises.register': ['sme'],
  'enterprises.mine': ['sme'],
  'enterprises.update': ['sme'],
  'enterprises.eligibility': ['sme'],
  'enterprises.members': ['sme'],
  'enterprises.addMember': ['sme'],
  'enterprises.removeMember': ['sme'],
  'grants.uploadDocument': ['sme'],
  'grants.submit': ['sme'],
  'grants.mine': ['sme'],
  'grants.get': ['sme'],
  'grants.respond': ['sme'],
  'grants.withdraw': ['sme'],
  'grants.notices': SIGNED_IN,
  'grants.object': SIGNED_IN,
  'admin.grants.queue': ['admin'],
  'admin.grants.get': ['admin'],
  'admin.grants.advance': ['admin'],
  'admin.grants.requestInfo': ['admin'],
  'admin.grants.reject': ['admin'],
  'admin.grants.approve': ['admin'],
  'admin.grants.resolveObjection': ['admin'],
  'admin.grants.disburse': ['admin'],
  'admin.grants.revoke': ['admin'],
  'admin.orders.list': ['admin'],
  'admin.fund.summary': ['admin'],
  'admin.fund.setBudget': ['admin'],
  'admin.fund.adjust': ['admin'],
  'admin.fund.burnDown': ['admin'],
  'admin.settlement.owed': ['admin'],
  'admin.settlement.createBatch': ['admin'],
  'admin.settlement.batches': ['admin'],
  'admin.settlement.batch': ['admin'],
  'admin.settlement.exportBatch': ['admin'],
  'admin.audit.list': ['admin'],
  'admin.audit.verify': ['admin'],
  'admin.reports.subsidies': ['admin'],
  'admin.reports.export': ['admin'],
  'admin.reports.enterpriseStatement': ['admin'],
  'admin.parameters.list': ['admin'],
  'admin.parameters.draft': ['admin'],
  'admin.parameters.whatIf': ['admin'],
  'admin.parameters.publish': ['admin'],
  'admin.parameters.withdraw': ['admin'],
  'admin.enterprises.list': ['admin'],
  'admin.enterprises.get': ['admin'],
  'admin.enterprises.verify': ['admin'],
  'admin.enterprises.reject': ['admin'],
  'admin.enterprises.revokeVerification': ['admin'],
  'offerings.get': ROLES,
  'offerings.facets': ROLES,
  'offerings.mine': ['provider'],
  'offerings.create': ['provider'],
  'offerings.update': ['provider'],
  'offerings.setStatus': ['provider'],
  'providers.register': ['provider'],
  'providers.mine': ['provider'],
  'providers.submitFilingItem': ['provider'],
  'providerOrders.list': ['provider'],
  'providerOrders.markDelivered': ['provider'],
  'providerOrders.summary': ['provider'],
  'providerOrders.statementCsv': ['provider'],
  'documents.upload': ['sme', 'provider'],
  'documents.get': SIGNED_IN,
  'admin.providers.list': ['admin'],
  'admin.providers.get': ['admin'],
  'admin.providers.reviewItem': ['admin'],
  'admin.providers.decide': ['admin'],
  'admin.incubator.spaces.list': ['admin'],
  'admin.incubator.spaces.create': ['admin'],
  'admin.incubator.spaces.update': ['admin'],
  'admin.incubator.tenancies.list': ['admin'],
  'admin.incubator.tenancies.create': ['admin'],
  'admin.incubator.tenancies.update': ['admin'],
  'admin.incubator.tenancies.end': ['admin'],
  'admin.incubator.rent.statement': ['admin'],
  'admin.incubator.rent.export': ['admin'],
  'admin.incubator.pool.usage': ['admin'],
  'admin.incubator.pool.setCapacity': ['admin'],
};

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: 'query' | 'mutation' } }
>;

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
});
afterAll(async () => h.close());

async function rowCounts() {
  const tables = await queryRows<{ tablename: string }>(
    h.db,
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const counts: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await queryRows<{ n: unknown }>(h.db, sql.raw(`select count(*) as n from "${tablename}"`));
    counts[tablename] = String(row?.n);
  }
  return counts;
}

function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

describe('authorization matrix', () => {
  it('has a decision for every procedure, and none for procedures that do not exist', () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(ACCESS).sort());
  });

  it('refuses every role that is not allowed, before reading input, changing nothing', async () => {
    const before = await rowCounts();
    const failures: string[] = [];
    for (const who of ROLES) {
      const caller = await h.callerFor(who === 'anonymous' ? null : who === 'sme' ? 'sme' : who);
      for (const path of Object.keys(procedures)) {
        if (ACCESS[path]?.includes(who)) continue;
        // Deliberately invalid input: a refusal must come from the role check, not from validation.
        const error = await call(caller, path, { bogus: true }).then(
          () => null,
          (e: unknown) => e,
        );
        const expected = who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN';
        if (!(error instanceof TRPCError) || error.code !== expected) {
          failures.push(`${who} → ${path}: ${error instanceof TRPCError ? error.code : 'allowed'}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('lets every allowed role through the role check', async () => {
    const failures: string[] = [];
    for (const who of ROLES) {
      const caller = await h.callerFor(who === 'anonymous' ? null : who);
      for (const [path, allowed] of Object.entries(ACCESS)) {
        if (!allowed.includes(who) || procedures[path]?._def.type !== 'query') continue;
        const error = await call(caller, path, { bogus: true }).then(
          () => null,
          (e: unknown) => e,
        );
        if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN')) {
          failures.push(`${who} → ${path}: ${error.code}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
