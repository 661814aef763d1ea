import { schema } from '@nanshan/db';
import { asc, eq } from 'drizzle-orm';
import type { Harness } from './harness';
import { moneySnapshot } from './harness';
import { newUser, validUscc } from './people';

/** A tiny but real PDF (its first bytes are what the type check reads). */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

export const CENTRE_FACTS = {
  name: '深圳前海智算科技有限公司',
  kind: 'computing_centre',
  city: '深圳市',
  inShenzhen: true,
  contactName: '周洁',
  contactPhone: '+86 755 8888 0001',
  contactEmail: 'Ops@QianhaiCompute.cn',
  address: '深圳市南山区前海深港合作区 1 号',
  description: '液冷智算中心，H800 / 910B',
} as const;

export const VENDOR_FACTS = {
  ...CENTRE_FACTS,
  name: '北京云智模型服务有限公司',
  kind: 'cloud_vendor',
  city: '北京市',
  inShenzhen: false,
  contactEmail: 'bd@yunzhi.cn',
  address: '北京市海淀区中关村大街 1 号',
  description: '大模型 API 与行业解决方案',
} as const;

export const NEW_CENTRE_USCC = validUscc('91440305MA5Q1W2E3');
export const NEW_VENDOR_USCC = validUscc('91110108MA5R4T5Y6');

/** A new provider user who registers a provider (pending). */
export async function registeredProvider(
  h: Harness,
  kind: 'centre' | 'vendor' = 'centre',
  email = kind === 'centre' ? 'ops@qianhaicompute.cn' : 'bd@yunzhi.cn',
) {
  const who = await newUser(h, email, 'provider');
  const { providerId } = await who.caller.providers.register(
    kind === 'centre'
      ? { ...CENTRE_FACTS, uscc: NEW_CENTRE_USCC }
      : { ...VENDOR_FACTS, uscc: NEW_VENDOR_USCC },
  );
  return { ...who, providerId };
}

export async function providerByName(h: Harness, name: string) {
  const [row] = await h.db.select().from(schema.providers).where(eq(schema.providers.name, name));
  if (!row) throw new Error(`provider ${name} missing`);
  return row;
}

export const DEMO_CENTRE = '南山智算中心';
export const DEMO_VENDOR = '鹏云智能云服务';
export const DEMO_PENDING = '东莞松山湖算力有限公司';

/** Every row the marketplace procedures could touch, to prove a refused call changed nothing. */
export async function marketSnapshot(h: Harness) {
  const [providers, members, items, decisions, documents, offerings, audit] = await Promise.all([
    h.db.select().from(schema.providers).orderBy(asc(schema.providers.id)),
    h.db
      .select()
      .from(schema.providerMembers)
      .orderBy(asc(schema.providerMembers.providerId), asc(schema.providerMembers.userId)),
    h.db
      .select()
      .from(schema.filingItems)
      .orderBy(asc(schema.filingItems.providerId), asc(schema.filingItems.item)),
    h.db.select().from(schema.reviewDecisions).orderBy(asc(schema.reviewDecisions.id)),
    h.db
      .select({ id: schema.documents.id, sha256: schema.documents.sha256 })
      .from(schema.documents)
      .orderBy(asc(schema.documents.id)),
    h.db.select().from(schema.offerings).orderBy(asc(schema.offerings.id)),
    h.db.select({ id: schema.auditLog.id }).from(schema.auditLog),
  ]);
  const orders = await h.db.select().from(schema.orders).orderBy(asc(schema.orders.id));
  return {
    providers,
    members,
    items,
    decisions,
    documents,
    offerings,
    orders,
    audit: audit.length,
    money: await moneySnapshot(h),
  };
}
