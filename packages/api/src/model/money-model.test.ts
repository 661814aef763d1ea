import { schema } from '@nanshan/db';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, type Caller, throughNotice } from '../domains/grants/test-helpers';
import { releaseExpiredReservations } from '../domains/orders/expire-orders';
import { PAYMENT_WINDOW_MS } from '../domains/orders/place-order';
import { refundOrder } from '../domains/orders/settle-order';
import { createHarness, type Harness } from '../test/harness';
import { invariantViolations } from '../test/invariants';
import { providerByName } from '../test/marketplace';
import { expectRefusal } from '../test/people';
import { AI_API, H800, offeringId } from '../test/purchases';

// Model-based test: random sequences of quote / order / pay / cancel / refund / expire / grant (apply → … → approve)
// / disburse / revoke against the real database (PGlite, or Postgres with DATABASE_URL). A plain model predicts each
// order's and grant's state and the counters; after every step the model must equal the database, the quote must show
// the model's remaining cap, and the invariants must hold.

type OrderStatus = 'awaiting_payment' | 'paid' | 'cancelled' | 'expired' | 'refunded';
interface Model {
  now: number;
  orders: Array<{ id: string; article: string; subsidyFen: number; expiresAt: number; status: OrderStatus }>;
  grants: Array<{ id: string; amountFen: number; status: 'decided' | 'paid' | 'revoked' }>;
  /** The buyer's 2026 usage per article (granted / reserved) and the 2026 fund (committed / reserved). */
  usage: Record<string, { grantedFen: number; reservedFen: number; capFen: number }>;
  fund: { budgetFen: number; committedFen: number; reservedFen: number };
}
interface Real {
  h: Harness;
  sme: Caller;
  admin: Caller;
  enterpriseId: string;
  offerings: Record<'art6' | 'art9', string>;
  vendorId: string;
}
type Command = fc.AsyncCommand<Model, Real>;

const START = '2026-03-02T02:00:00Z';
const YEAR = 2026;
let keys = 0;

const usageOf = (m: Model, article: string) =>
  m.usage[article] ?? { grantedFen: 0, reservedFen: 0, capFen: 0 };
const capLeft = (m: Model, article: string) => {
  const u = usageOf(m, article);
  return u.capFen - u.grantedFen - u.reservedFen;
};
const fundLeft = (m: Model) => m.fund.budgetFen - m.fund.committedFen - m.fund.reservedFen;

function moveUsage(m: Model, article: string, reserved: number, granted: number) {
  const u = usageOf(m, article);
  m.usage[article] = { ...u, reservedFen: u.reservedFen + reserved, grantedFen: u.grantedFen + granted };
  m.fund.reservedFen += reserved;
  m.fund.committedFen += granted;
}

/** Model and database agree on every counter and every order's status; the invariants hold. */
async function expectInStep(m: Model, r: Real) {
  const usage = await r.h.db
    .select()
    .from(schema.subsidyUsage)
    .where(and(eq(schema.subsidyUsage.enterpriseId, r.enterpriseId), eq(schema.subsidyUsage.year, YEAR)));
  for (const u of usage) {
    const expected = usageOf(m, u.article);
    expect({ article: u.article, granted: u.grantedFen, reserved: u.reservedFen }).toEqual({
      article: u.article,
      granted: expected.grantedFen,
      reserved: expected.reservedFen,
    });
  }
  const [fund] = await r.h.db.select().from(schema.fundYears).where(eq(schema.fundYears.year, YEAR));
  expect({ committed: fund!.committedFen, reserved: fund!.reservedFen }).toEqual({
    committed: m.fund.committedFen,
    reserved: m.fund.reservedFen,
  });
  const rows = await r.h.db
    .select({ id: schema.orders.id, status: schema.orders.status })
    .from(schema.orders);
  const real = new Map(rows.map((o) => [o.id, o.status]));
  for (const o of m.orders)
    expect({ id: o.id, status: real.get(o.id) }).toEqual({ id: o.id, status: o.status });
  expect(await invariantViolations(r.h.db)).toEqual([]);
}

/** The quote shows the model's usage and remaining cap, and never a subsidy beyond what cap and fund leave. */
async function checkedQuote(m: Model, r: Real, article: 'art6' | 'art9', quantity: number) {
  const quote = await r.sme.orders.quote({ offeringId: r.offerings[article], quantity });
  const u = usageOf(m, article);
  expect(quote.cap).toMatchObject({ grantedFen: u.grantedFen, reservedFen: u.reservedFen });
  m.usage[article] = { ...u, capFen: quote.cap!.capFen };
  expect(quote.cap!.leftFen).toBe(Math.max(0, capLeft(m, article)));
  expect(quote.subsidyFen).toBeLessThanOrEqual(Math.min(capLeft(m, article), fundLeft(m)));
  return quote;
}

const article = fc.constantFrom<'art6' | 'art9'>('art6', 'art9');
// H800 at 32 yuan per GPU-hour (Art. 6, 30 %); the AI API at 8 yuan per million tokens (Art. 9).
const quantity = fc.integer({ min: 10, max: 40_000 }); // within both offerings' limits

class Quote implements Command {
  constructor(
    readonly article: 'art6' | 'art9',
    readonly quantity: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    await checkedQuote(m, r, this.article, this.quantity);
  }
  toString = () => `quote(${this.article}, ${this.quantity})`;
}

/** Quotes, then places the order: it must get exactly the quoted subsidy. */
class Order extends Quote {
  override async run(m: Model, r: Real) {
    const quote = await checkedQuote(m, r, this.article, this.quantity);
    const { orderId } = await r.sme.orders.place({
      offeringId: r.offerings[this.article],
      quantity: this.quantity,
      idempotencyKey: `model-order-${++keys}`,
      notRelatedDeclared: true,
    });
    const [order] = await r.h.db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
    expect(order!.subsidyFen).toBe(quote.subsidyFen); // the order gets exactly what the quote showed
    m.orders.push({
      id: orderId,
      article: this.article,
      subsidyFen: quote.subsidyFen,
      expiresAt: m.now + PAYMENT_WINDOW_MS,
      status: 'awaiting_payment',
    });
    if (quote.subsidyFen > 0) moveUsage(m, this.article, quote.subsidyFen, 0);
    await expectInStep(m, r);
  }
  override toString = () => `order(${this.article}, ${this.quantity})`;
}

/** A transition of one of the model's orders (picked by `pick` modulo their number). */
class Transition implements Command {
  constructor(
    readonly kind: 'pay' | 'cancel' | 'refund',
    readonly pick: number,
  ) {}
  check = (m: Readonly<Model>) => m.orders.length > 0;
  async run(m: Model, r: Real) {
    const order = m.orders[this.pick % m.orders.length]!;
    const rule = {
      pay: { from: 'awaiting_payment', to: 'paid', reason: 'order_not_payable' },
      cancel: { from: 'awaiting_payment', to: 'cancelled', reason: 'order_not_open' },
      refund: { from: 'paid', to: 'refunded', reason: 'order_not_refundable' },
    }[this.kind];
    const call = {
      pay: () => r.sme.payments.simulatePay({ orderId: order.id }),
      cancel: () => r.sme.orders.cancel({ orderId: order.id }),
      refund: () => refundOrder(r.h.db, { orderId: order.id, actorUserId: null, now: r.h.now() }),
    }[this.kind];
    if (order.status === rule.from) {
      await call();
      const s = order.subsidyFen;
      if (this.kind === 'pay') moveUsage(m, order.article, -s, s);
      if (this.kind === 'cancel') moveUsage(m, order.article, -s, 0);
      if (this.kind === 'refund') moveUsage(m, order.article, 0, -s);
      order.status = rule.to as OrderStatus;
    } else if (order.status === rule.to) {
      await call(); // repeating a transition that happened is a no-op
    } else {
      await expectRefusal(call(), 'PRECONDITION_FAILED', rule.reason);
    }
    await expectInStep(m, r);
  }
  toString = () => `${this.kind}(#${this.pick})`;
}

class Expire implements Command {
  check = () => true;
  async run(m: Model, r: Real) {
    m.now += PAYMENT_WINDOW_MS + 60_000;
    r.h.setNow(new Date(m.now));
    const due = m.orders.filter((o) => o.status === 'awaiting_payment' && o.expiresAt <= m.now);
    expect(await releaseExpiredReservations(r.h.db, r.h.payments, r.h.now())).toBe(due.length);
    for (const o of due) {
      moveUsage(m, o.article, -o.subsidyFen, 0);
      o.status = 'expired';
    }
    await expectInStep(m, r);
  }
  toString = () => 'expire';
}

/** An Art. 9 application walked through review and public notice, then approved for what the rules allow now. */
class Grant implements Command {
  constructor(readonly requestedFen: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const submitted = await apply(r.sme, {
      year: YEAR,
      projectName: '行业大模型应用',
      projectReference: `MODEL-${++keys}`,
      requestedFen: this.requestedFen,
      facts: {
        article: 'art9',
        vendorId: r.vendorId,
        serviceSpendFen: 4 * this.requestedFen,
        notRelatedDeclared: true,
      },
    });
    await throughNotice(r.h, r.admin, submitted.id);
    m.now = r.h.now().getTime();
    await checkedQuote(m, r, 'art9', 10); // the model learns the cap in force
    const { currentProposal } = await r.admin.admin.grants.get({ applicationId: submitted.id });
    // The rules never propose more than the model's remaining shared Art. 9 cap or the fund.
    expect(currentProposal.amountFen).toBeLessThanOrEqual(
      Math.max(0, Math.min(capLeft(m, 'art9'), fundLeft(m))),
    );
    if (currentProposal.amountFen > 0) {
      await r.admin.admin.grants.approve({
        applicationId: submitted.id,
        amountFen: currentProposal.amountFen,
      });
      m.grants.push({ id: submitted.id, amountFen: currentProposal.amountFen, status: 'decided' });
      moveUsage(m, 'art9', currentProposal.amountFen, 0);
    }
    await expectInStep(m, r);
  }
  toString = () => `grant(${this.requestedFen})`;
}

class Disburse implements Command {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.grants.length > 0;
  async run(m: Model, r: Real) {
    const grant = m.grants[this.pick % m.grants.length]!;
    if (grant.status === 'revoked') {
      await expectRefusal(
        r.admin.admin.grants.disburse({ applicationId: grant.id }),
        'PRECONDITION_FAILED',
        'grant_not_decided',
      );
    } else {
      const paid = await r.admin.admin.grants.disburse({ applicationId: grant.id });
      expect(paid.alreadyPaid).toBe(grant.status === 'paid');
      if (grant.status === 'decided') moveUsage(m, 'art9', -grant.amountFen, grant.amountFen);
      grant.status = 'paid';
    }
    await expectInStep(m, r);
  }
  toString = () => `disburse(#${this.pick})`;
}

/** Staff revoke a decided grant: its reservation is released; a paid or revoked one is refused. */
class Revoke implements Command {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.grants.length > 0;
  async run(m: Model, r: Real) {
    const grant = m.grants[this.pick % m.grants.length]!;
    const call = () => r.admin.admin.grants.revoke({ applicationId: grant.id, reason: '不再符合条件' });
    if (grant.status === 'decided') {
      expect(await call()).toEqual({ status: 'revoked', releasedFen: grant.amountFen });
      moveUsage(m, 'art9', -grant.amountFen, 0);
      grant.status = 'revoked';
    } else {
      await expectRefusal(call(), 'PRECONDITION_FAILED', 'grant_not_revocable');
    }
    await expectInStep(m, r);
  }
  toString = () => `revoke(#${this.pick})`;
}

const commands = [
  fc.tuple(article, quantity).map(([a, q]) => new Quote(a, q)),
  fc.tuple(article, quantity).map(([a, q]) => new Order(a, q)),
  fc
    .tuple(fc.constantFrom<'pay' | 'cancel' | 'refund'>('pay', 'cancel', 'refund'), fc.nat())
    .map(([k, i]) => new Transition(k, i)),
  fc.constant(new Expire()),
  fc.integer({ min: 1, max: 300_000 }).map((yuan) => new Grant(yuan * 100)),
  fc.nat().map((i) => new Disburse(i)),
  fc.nat().map((i) => new Revoke(i)),
];

describe('model-based: random money sequences against the real database', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('keeps model and database in step, and the invariants, after every command', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (cmds) => {
        await h.reset();
        h.setNow(START);
        const sme = await h.callerFor('sme');
        const [member] = await h.db
          .select()
          .from(schema.enterpriseMembers)
          .where(eq(schema.enterpriseMembers.userId, (await h.userOf('sme')).id));
        const [fund] = await h.db.select().from(schema.fundYears).where(eq(schema.fundYears.year, YEAR));
        const real: Real = {
          h,
          sme,
          admin: await h.callerFor('admin'),
          enterpriseId: member!.enterpriseId,
          offerings: { art6: await offeringId(h, H800), art9: await offeringId(h, AI_API) },
          vendorId: (await providerByName(h, '鹏云智能云服务')).id,
        };
        const usage = await h.db
          .select()
          .from(schema.subsidyUsage)
          .where(
            and(eq(schema.subsidyUsage.enterpriseId, real.enterpriseId), eq(schema.subsidyUsage.year, YEAR)),
          );
        const model: Model = {
          now: new Date(START).getTime(),
          orders: [],
          grants: [],
          usage: Object.fromEntries(usage.map((u) => [u.article, u])),
          fund: {
            budgetFen: fund!.budgetFen,
            committedFen: fund!.committedFen,
            reservedFen: fund!.reservedFen,
          },
        };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 240_000); // a reset and up to 12 commands per run, each checked against the whole database
});
