import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, uploadPdf, WAN } from '../domains/grants/test-helpers';
import { createHarness, type Harness } from '../test/harness';
import { PDF_BYTES } from '../test/marketplace';
import { newUser } from '../test/people';
import { buy, H800 } from '../test/purchases';
import { databaseSnapshot } from './db-snapshot';
import { allProcedures, callProcedure, inputJsonSchema } from './procedures';

/**
 * Tenant isolation: every procedure that takes the id of something a tenant owns is called, with that id, by
 * everyone else — anonymous, the other SME, both providers, staff — and must refuse (UNAUTHORIZED, FORBIDDEN or
 * NOT_FOUND: another tenant's things are reported missing, not forbidden) and change nothing in the database.
 * SME A owns the fixtures below, provider X sold SME A its orders; SME B and provider Y are strangers to them.
 * The list of procedures comes from the router: a new procedure taking an id fails the suite until it has a case.
 */
type Who = 'anonymous' | 'smeA' | 'smeB' | 'providerX' | 'providerY' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'smeA', 'smeB', 'providerX', 'providerY', 'admin'];
const DEMO_KEY = {
  anonymous: null,
  smeA: 'sme',
  smeB: 'large',
  providerX: 'provider',
  providerY: 'vendor',
  admin: 'admin',
} as const;

interface Fixture {
  paidOrder: string;
  unpaidOrder: string;
  draftOffering: string;
  listedOffering: string;
  application: string;
  grantDocument: string;
  enterpriseDocument: string;
  providerDocument: string;
  memberOfA: string;
}

interface Case {
  /** Who may use the id (their call is the positive control); everyone else is refused. */
  allowed: Who[];
  input: (fx: Fixture) => unknown;
  /** A domain refusal accepted besides the three, for ids that are not secret (`code reason`). */
  alsoRefusedWith?: string;
}

const pdf = {
  filename: 'evidence.pdf',
  mimeType: 'application/pdf',
  contentBase64: PDF_BYTES.toString('base64'),
} as const;

const CASES: Record<string, Case[]> = {
  // Listed offerings are the public catalogue; a draft is visible to nobody through it.
  'offerings.get': [{ allowed: [], input: (fx) => ({ offeringId: fx.draftOffering }) }],
  'offerings.update': [
    { allowed: ['providerX'], input: (fx) => ({ offeringId: fx.listedOffering, stock: 1 }) },
  ],
  'offerings.setStatus': [
    { allowed: ['providerX'], input: (fx) => ({ offeringId: fx.listedOffering, status: 'delisted' }) },
  ],
  // Buyers may name any offering id; an unlisted one is refused by the catalogue rule, before any tenant data.
  'orders.quote': [
    {
      allowed: [],
      input: (fx) => ({ offeringId: fx.draftOffering, quantity: 8 }),
      alsoRefusedWith: 'PRECONDITION_FAILED offering_not_listed',
    },
  ],
  'orders.place': [
    {
      allowed: [],
      alsoRefusedWith: 'PRECONDITION_FAILED offering_not_listed',
      input: (fx) => ({
        offeringId: fx.draftOffering,
        quantity: 8,
        idempotencyKey: 'tenant-isolation',
        notRelatedDeclared: true,
      }),
    },
  ],
  'orders.get': [{ allowed: ['smeA'], input: (fx) => ({ orderId: fx.paidOrder }) }],
  'orders.receipt': [{ allowed: ['smeA'], input: (fx) => ({ orderId: fx.paidOrder }) }],
  'orders.cancel': [{ allowed: ['smeA'], input: (fx) => ({ orderId: fx.unpaidOrder }) }],
  'payments.simulatePay': [{ allowed: ['smeA'], input: (fx) => ({ orderId: fx.unpaidOrder }) }],
  'providerOrders.markDelivered': [
    { allowed: ['providerX'], input: (fx) => ({ orderId: fx.paidOrder, deliveryNote: 'delivered' }) },
  ],
  'enterprises.removeMember': [{ allowed: ['smeA'], input: (fx) => ({ userId: fx.memberOfA }) }],
  'grants.get': [{ allowed: ['smeA'], input: (fx) => ({ applicationId: fx.application }) }],
  'grants.respond': [
    { allowed: ['smeA'], input: (fx) => ({ applicationId: fx.application, note: 'more', documentIds: [] }) },
  ],
  'grants.withdraw': [{ allowed: ['smeA'], input: (fx) => ({ applicationId: fx.application }) }],
  // Objections are open to everyone, but only while an application is in its public notice.
  'grants.object': [{ allowed: [], input: (fx) => ({ applicationId: fx.application, text: 'objection' }) }],
  'grants.submit': [
    {
      allowed: ['smeA'],
      input: (fx) => ({
        year: 2026,
        projectName: '南山大模型开发者大会（二）',
        projectReference: 'NS-AI-SUMMIT-2026-B',
        requestedFen: 10 * WAN,
        facts: { article: 'art14', recognised: true, recognisedBy: 'municipal', eventDate: '2026-10-20' },
        evidenceDocumentIds: [fx.grantDocument],
        otherMeasureAwards: [],
      }),
    },
  ],
  'providers.submitFilingItem': [
    {
      allowed: ['providerX'],
      input: (fx) => ({ item: 'licence', statement: 'see licence', documentId: fx.providerDocument }),
    },
  ],
  'documents.get': [
    { allowed: ['smeA', 'admin'], input: (fx) => ({ documentId: fx.enterpriseDocument }) },
    { allowed: ['providerX', 'admin'], input: (fx) => ({ documentId: fx.providerDocument }) },
  ],
  'documents.upload': [
    {
      allowed: ['smeA', 'providerX'],
      input: (fx) => ({ ownerType: 'order', orderId: fx.paidOrder, kind: 'invoice', ...pdf }),
    },
  ],
};

/** Procedures whose id names something public, with the reason; the catalogue's provider filter. */
const PUBLIC_IDS: Record<string, string> = {
  'offerings.list': 'providerId filters the public catalogue',
};

const ID_KEY = /^(id|.+Id|.+Ids)$/;

/** Non-staff procedures whose input has an id (staff procedures see every tenant; the role matrix covers them). */
function procedureIdKeys() {
  return allProcedures()
    .filter((p) => !p.path.startsWith('admin.'))
    .map((p) => {
      const schema = inputJsonSchema(p) as { properties?: Record<string, unknown> } | null;
      return { path: p.path, ids: Object.keys(schema?.properties ?? {}).filter((k) => ID_KEY.test(k)) };
    })
    .filter((p) => p.ids.length > 0);
}

let h: Harness;
let fx: Fixture;
const callers = {} as Record<Who, unknown>;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
  for (const who of EVERYONE) callers[who] = await h.callerFor(DEMO_KEY[who]);
  const smeA = await h.callerFor('sme');
  const providerX = await h.callerFor('provider');
  const paidOrder = await buy(h, smeA, H800, 8);
  const unpaidOrder = await buy(h, smeA, H800, 8, { pay: false });
  const draft = await providerX.offerings.create({
    title: '隔离测试 · 草稿算力',
    kind: 'compute',
    gpuModel: 'NVIDIA B200 192GB',
    gpuCount: 8,
    unit: 'gpu_hour',
    unitPriceFen: 30_00,
    maxQuantity: 1000,
  });
  const { id: listedOffering } = (await providerX.offerings.mine()).find((o) => o.title === H800)!;
  const member = await newUser(h, 'member@zhiyuan.ai');
  await smeA.enterprises.addMember({ email: 'member@zhiyuan.ai' });
  const application = await apply(smeA, {
    year: 2026,
    projectName: '南山大模型开发者大会',
    projectReference: 'NS-AI-SUMMIT-2026',
    requestedFen: 10 * WAN,
    facts: { article: 'art14', recognised: true, recognisedBy: 'municipal', eventDate: '2026-10-20' },
  });
  const enterpriseDocument = await smeA.documents.upload({ ownerType: 'enterprise', kind: 'other', ...pdf });
  const providerDocument = await providerX.documents.upload({
    ownerType: 'provider',
    kind: 'business_licence',
    ...pdf,
  });
  fx = {
    paidOrder,
    unpaidOrder,
    draftOffering: draft.id,
    listedOffering,
    application: application.id,
    grantDocument: await uploadPdf(smeA),
    enterpriseDocument: enterpriseDocument.id,
    providerDocument: providerDocument.id,
    memberOfA: member.user.id,
  };
});
afterAll(async () => h.close());

const REFUSALS = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

describe('tenant isolation', () => {
  it('has a case for every procedure that takes an id, and none for procedures that do not', () => {
    const needing = procedureIdKeys().map((p) => p.path);
    expect([...Object.keys(CASES), ...Object.keys(PUBLIC_IDS)].sort()).toEqual(needing.sort());
  });

  it('refuses everyone but the owner, changing nothing; the owner gets through', async () => {
    const before = await databaseSnapshot(h.db);
    const failures: string[] = [];
    for (const [path, cases] of Object.entries(CASES)) {
      for (const [i, c] of cases.entries()) {
        for (const who of EVERYONE.filter((w) => !c.allowed.includes(w))) {
          const error = await callProcedure(callers[who], path, c.input(fx)).then(
            () => null,
            (e: unknown) => e,
          );
          const outcome = error instanceof TRPCError ? `${error.code} ${error.message}` : 'allowed';
          if (!(error instanceof TRPCError && REFUSALS.has(error.code)) && outcome !== c.alsoRefusedWith) {
            failures.push(`${who} → ${path}#${i}: ${outcome}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await databaseSnapshot(h.db)).toEqual(before);

    // Positive controls: the same ids work for their owners, so the refusals above are not bad fixtures.
    for (const [path, cases] of Object.entries(CASES)) {
      for (const c of cases) {
        for (const who of c.allowed) {
          const error = await callProcedure(callers[who], path, c.input(fx)).then(
            () => null,
            (e: unknown) => e,
          );
          // Domain refusals (wrong state, nothing to do) are fine here; not seeing the thing, or bad input, is not.
          const invalidInput = Array.isArray(
            (error as { cause?: { issues?: unknown } } | null)?.cause?.issues,
          );
          if (error instanceof TRPCError && (REFUSALS.has(error.code) || invalidInput)) {
            failures.push(`owner ${who} → ${path}: ${error.code} ${error.message}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
