import { type Db, type DbOrTx, pgErrorOf, schema, toSafeInteger } from '@nanshan/db';
import { inForce, type ParamOverrides } from '@nanshan/rules';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { domainError } from '../../errors';
import { quotePoolPurchase } from '../orders/purchase-quote';
import { loadPolicyOverrides } from '../parameters/policy-overrides';
import { tenancyRunsDuring } from './tenancy';

/** Orders that hold pool units: paid, or reserved while awaiting payment (the others gave theirs back). */
const HOLDING = ['paid', 'awaiting_payment'] as const;

/**
 * Art. 10: each dedicated compute pool's capacity, what is allocated and left, the price orders are charged today,
 * and the units each enterprise bought (paid) or holds awaiting payment (reserved), with their amounts.
 */
/** The pool price orders are charged on `date` (the rules' Art. 10 price, published segments applied); null outside the measures. */
export function poolPriceOn(date: string, overrides: ParamOverrides): number | null {
  return inForce(date) ? quotePoolPurchase({ date, quantity: 1, overrides }).unitPriceFen : null;
}

export async function poolUsage(db: DbOrTx, date: string) {
  const [pools, held, tenants, overrides] = await Promise.all([
    db.select().from(schema.computePools).orderBy(asc(schema.computePools.name)),
    db
      .select({
        poolId: schema.orders.poolId,
        enterpriseId: schema.orders.enterpriseId,
        name: schema.enterprises.name,
        uscc: schema.enterprises.uscc,
        status: schema.orders.status,
        orders: sql<number>`count(*)`,
        units: sql<number>`sum(${schema.orders.quantity})`,
        amountFen: sql<number>`sum(${schema.orders.listPriceFen})`,
      })
      .from(schema.orders)
      .innerJoin(schema.enterprises, eq(schema.enterprises.id, schema.orders.enterpriseId))
      .where(and(sql`${schema.orders.poolId} is not null`, inArray(schema.orders.status, [...HOLDING])))
      .groupBy(
        schema.orders.poolId,
        schema.orders.enterpriseId,
        schema.enterprises.name,
        schema.enterprises.uscc,
        schema.orders.status,
      ),
    db
      .selectDistinct({ enterpriseId: schema.tenancies.enterpriseId })
      .from(schema.tenancies)
      .where(tenancyRunsDuring(date, date)),
    loadPolicyOverrides(db),
  ]);
  const tenantIds = new Set(tenants.map((t) => t.enterpriseId));
  const unitPriceFen = poolPriceOn(date, overrides);
  return pools.map((pool) => {
    const byEnterprise = new Map<string, ReturnType<typeof emptyUse>>();
    for (const h of held.filter((x) => x.poolId === pool.id)) {
      const use =
        byEnterprise.get(h.enterpriseId) ??
        emptyUse(h.enterpriseId, h.name, h.uscc, tenantIds.has(h.enterpriseId));
      const part = h.status === 'paid' ? use.paid : use.reserved;
      part.orders += toSafeInteger(h.orders);
      part.units += toSafeInteger(h.units);
      part.amountFen += toSafeInteger(h.amountFen);
      byEnterprise.set(h.enterpriseId, use);
    }
    const byTenant = [...byEnterprise.values()].sort(
      (a, b) =>
        b.paid.units + b.reserved.units - (a.paid.units + a.reserved.units) || a.name.localeCompare(b.name),
    );
    return {
      id: pool.id,
      name: pool.name,
      gpuModel: pool.gpuModel,
      unit: pool.unit,
      capacityUnits: pool.capacityUnits,
      allocatedUnits: pool.allocatedUnits,
      leftUnits: pool.capacityUnits - pool.allocatedUnits,
      unitPriceFen,
      paidUnits: byTenant.reduce((s, u) => s + u.paid.units, 0),
      reservedUnits: byTenant.reduce((s, u) => s + u.reserved.units, 0),
      byTenant,
    };
  });
}

function emptyUse(enterpriseId: string, name: string, uscc: string, tenant: boolean) {
  return {
    enterpriseId,
    name,
    uscc,
    /** Whether the enterprise holds a running lease on the day asked. */
    tenant,
    paid: { orders: 0, units: 0, amountFen: 0 },
    reserved: { orders: 0, units: 0, amountFen: 0 },
  };
}

/**
 * Sets a pool's capacity, with the reason kept in the audit log. Refused: `pool_not_found`, `pool_capacity_unchanged`,
 * `pool_capacity_below_allocated` (units already bought or reserved stay theirs): checked under the pool row's lock,
 * which every allocation also takes, with the `pool_allocation_within_capacity` CHECK as the last line.
 */
export async function setPoolCapacity(
  db: Db,
  input: { poolId: string; capacityUnits: number; reason: string; actorUserId: string; now: Date },
) {
  try {
    return await db.transaction(async (tx) => {
      const [pool] = await tx
        .select()
        .from(schema.computePools)
        .where(eq(schema.computePools.id, input.poolId))
        .for('update');
      if (!pool) throw domainError('pool_not_found', 'NOT_FOUND');
      if (input.capacityUnits === pool.capacityUnits) throw domainError('pool_capacity_unchanged');
      if (input.capacityUnits < pool.allocatedUnits) {
        throw domainError('pool_capacity_below_allocated', 'PRECONDITION_FAILED');
      }
      await tx
        .update(schema.computePools)
        .set({ capacityUnits: input.capacityUnits })
        .where(eq(schema.computePools.id, pool.id));
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'incubator.pool_capacity_changed',
        targetType: 'compute_pool',
        targetId: pool.id,
        before: { capacityUnits: pool.capacityUnits, allocatedUnits: pool.allocatedUnits },
        after: { capacityUnits: input.capacityUnits, reason: input.reason },
        at: input.now,
      });
      return {
        poolId: pool.id,
        capacityBeforeUnits: pool.capacityUnits,
        capacityUnits: input.capacityUnits,
        allocatedUnits: pool.allocatedUnits,
        leftUnits: input.capacityUnits - pool.allocatedUnits,
      };
    });
  } catch (error) {
    if (pgErrorOf(error)?.constraint === 'pool_allocation_within_capacity') {
      throw domainError('pool_capacity_below_allocated', 'PRECONDITION_FAILED');
    }
    throw error;
  }
}
