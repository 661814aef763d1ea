import { type DbOrTx, schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { domainError } from '../../errors';
import type { SessionUser } from '../../trpc';
import { enterpriseOfUser, requireEnterprise } from '../enterprises/membership';
import { providerOfUser, requireProvider } from '../providers/membership';
import type { DocumentOwnerType } from './document-rules';

type DocumentRow = Pick<typeof schema.documents.$inferSelect, 'ownerType' | 'ownerId'>;

/**
 * The party a new document belongs to, from who uploads it: a provider user files documents for their provider, an
 * SME user for their enterprise, and either party to an order for that order (contract, invoice, delivery record).
 * Another party's order is reported as missing, not forbidden.
 */
export async function uploadOwnerId(
  db: DbOrTx,
  user: Pick<SessionUser, 'id' | 'role'>,
  ownerType: DocumentOwnerType,
  orderId: string | undefined,
): Promise<string> {
  switch (ownerType) {
    case 'provider':
      if (user.role !== 'provider') throw domainError('document_owner_not_allowed', 'FORBIDDEN');
      return (await requireProvider(db, user.id)).id;
    case 'enterprise':
      if (user.role !== 'sme') throw domainError('document_owner_not_allowed', 'FORBIDDEN');
      return (await requireEnterprise(db, user.id)).id;
    case 'order': {
      const party =
        user.role === 'sme'
          ? (await requireEnterprise(db, user.id)).id
          : user.role === 'provider'
            ? (await requireProvider(db, user.id)).id
            : undefined;
      if (!party) throw domainError('document_owner_not_allowed', 'FORBIDDEN');
      const [order] = orderId
        ? await db
            .select({ enterpriseId: schema.orders.enterpriseId, providerId: schema.orders.providerId })
            .from(schema.orders)
            .where(eq(schema.orders.id, orderId))
        : [];
      const ours = user.role === 'sme' ? order?.enterpriseId === party : order?.providerId === party;
      if (!order || !ours) throw domainError('order_not_found', 'NOT_FOUND');
      return orderId!;
    }
  }
}

/**
 * Whether a user may read a document: staff always; otherwise only members of the party that owns it. An order's
 * documents are evidence of one contract and are shared by its two parties, the buyer and the provider.
 */
export async function mayReadDocument(
  db: DbOrTx,
  user: Pick<SessionUser, 'id' | 'role'>,
  doc: DocumentRow,
): Promise<boolean> {
  if (user.role === 'admin') return true;
  const enterprise = user.role === 'sme' ? await enterpriseOfUser(db, user.id) : undefined;
  const provider = user.role === 'provider' ? await providerOfUser(db, user.id) : undefined;
  switch (doc.ownerType) {
    case 'provider':
      return provider?.id === doc.ownerId;
    case 'enterprise':
      return enterprise?.id === doc.ownerId;
    case 'order': {
      if (!enterprise && !provider) return false;
      const [order] = await db
        .select({ enterpriseId: schema.orders.enterpriseId, providerId: schema.orders.providerId })
        .from(schema.orders)
        .where(eq(schema.orders.id, doc.ownerId));
      if (!order) return false;
      return enterprise ? order.enterpriseId === enterprise.id : order.providerId === provider!.id;
    }
    default:
      return false;
  }
}
