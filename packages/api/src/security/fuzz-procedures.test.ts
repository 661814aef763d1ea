import { queryRows } from '@nanshan/db';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, WAN } from '../domains/grants/test-helpers';
import { createHarness, type Harness } from '../test/harness';
import { expectRefusal } from '../test/people';
import { buy, H800 } from '../test/purchases';
import { databaseSnapshot } from './db-snapshot';
import { allProcedures, callProcedure, inputJsonSchema } from './procedures';
import { arbitraryFor, type JsonSchema } from './schema-arbitrary';

/**
 * Fuzzed inputs, generated from each procedure's zod schema, against every procedure of the router, as an SME and
 * as staff: no input may cause an INTERNAL_SERVER_ERROR (every refusal is a clear 4xx with a reason), and a refused
 * call changes nothing in the database. `NANSHAN_FUZZ_RUNS` (default 4) sets the inputs per procedure and role;
 * a failure prints fast-check's seed and shrunk input, so it can be replayed.
 */
const RUNS = Number(process.env.NANSHAN_FUZZ_RUNS ?? 4);

let h: Harness;
let knownIds: string[];
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
  const sme = await h.callerFor('sme');
  await buy(h, sme, H800, 8);
  await buy(h, sme, H800, 8, { pay: false });
  await apply(sme, {
    year: 2026,
    projectName: '南山大模型开发者大会',
    projectReference: 'NS-AI-SUMMIT-2026',
    requestedFen: 10 * WAN,
    facts: { article: 'art14', recognised: true, recognisedBy: 'municipal', eventDate: '2026-10-20' },
  });
  // Real ids (a few of every table with a uuid key), so fuzzed calls get past "not found" into the domain code.
  const tables = await queryRows<{ table_name: string }>(
    h.db,
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by table_name`,
  );
  knownIds = [];
  for (const { table_name } of tables) {
    const rows = await queryRows<{ id: string }>(h.db, sql.raw(`select id from "${table_name}" limit 3`));
    knownIds.push(...rows.map((r) => r.id));
  }
});
afterAll(async () => h.close());

describe('a NUL character (which Postgres text cannot hold)', () => {
  it('is refused as bad input in any string or key, before the procedure runs', async () => {
    const before = await databaseSnapshot(h.db);
    const sme = await h.callerFor('sme');
    await expectRefusal(sme.enterprises.addMember({ email: 'a\u0000@b.cn' }), 'BAD_REQUEST', 'nul_character');
    await expectRefusal(
      callProcedure(sme, 'grants.submit', { facts: { 'article\u0000': 'art14' } }),
      'BAD_REQUEST',
      'nul_character',
    );
    expect(await databaseSnapshot(h.db)).toEqual(before);
  });
});

describe.each(['sme', 'admin'] as const)('fuzzed inputs as %s', (who) => {
  // Generous: the machine may be shared; the work is RUNS calls per procedure.
  it('never answers INTERNAL_SERVER_ERROR, and a refused call changes nothing', {
    timeout: 300_000,
  }, async () => {
    const caller = await h.callerFor(who);
    const failures: string[] = [];
    for (const procedure of allProcedures()) {
      const schema = inputJsonSchema(procedure) as JsonSchema | null;
      const inputs = schema ? arbitraryFor(schema, { knownIds }) : fc.constant(undefined);
      const isMutation = procedure.type === 'mutation';
      const batchBefore = isMutation ? null : await databaseSnapshot(h.db);
      const run = await fc.check(
        fc.asyncProperty(inputs, async (input) => {
          const before = isMutation ? await databaseSnapshot(h.db) : null;
          const error = await callProcedure(caller, procedure.path, input).then(
            () => null,
            (e: unknown) => e,
          );
          if (error === null) return;
          expect(error, procedure.path).toBeInstanceOf(TRPCError);
          const { code, message } = error as TRPCError;
          expect(`${procedure.path}: ${code} ${message}`).not.toMatch(/INTERNAL_SERVER_ERROR/);
          if (before) expect(await databaseSnapshot(h.db), procedure.path).toEqual(before);
        }),
        { numRuns: RUNS },
      );
      if (run.failed) {
        const cause = (run.errorInstance as Error | undefined)?.message.split('\n')[0];
        failures.push(
          `${JSON.stringify(run.counterexample)} (seed ${run.seed}, path ${run.counterexamplePath}): ${cause}`,
        );
      }
      // Queries change nothing, refused or not.
      if (batchBefore) expect(await databaseSnapshot(h.db), procedure.path).toEqual(batchBefore);
    }
    expect(failures).toEqual([]);
  });
});
