import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq, ne, notInArray } from 'drizzle-orm';
import { domainError } from '../../errors';
import { readStoredFacts } from './facts';
import { normaliseReference } from './project-key';
import { type ApplicationRow, AWARDED_STATES, type GrantStatus } from './workflow';

/**
 * An invoice number reduced to what identifies it, the same way project references are (project-key.ts): full-width
 * forms folded to half-width (NFKC), upper case, and only letters, digits and Chinese characters kept — so
 * " inv-1 ", "INV-1", "INV 1" and "ｉｎｖ－１" are one invoice. The reviewer's duplicate list (views.ts) matches the
 * same way.
 */
export function normaliseInvoice(invoice: string): string {
  return normaliseReference(invoice);
}

/** States in which a declaration no longer claims its invoices: they may be declared again. */
const RELEASED: readonly GrantStatus[] = ['rejected', 'withdrawn', 'revoked'];

/**
 * The enterprise's other Art. 6 declarations (oldest first) that name one of `invoiceNumbers`, normalised, each with
 * the first invoice they share; `releasedToo: false` leaves out those that no longer claim their invoices.
 */
export async function declarationsSharingInvoices(
  db: DbOrTx,
  input: { enterpriseId: string; invoiceNumbers: readonly string[]; exceptId?: string; releasedToo: boolean },
): Promise<Array<{ other: ApplicationRow; shared: string; reference: string }>> {
  const mine = new Set(input.invoiceNumbers.map(normaliseInvoice).filter((n) => n.length > 0));
  if (mine.size === 0) return [];
  const others = await db
    .select()
    .from(schema.grantApplications)
    .where(
      and(
        eq(schema.grantApplications.enterpriseId, input.enterpriseId),
        eq(schema.grantApplications.article, 'art6'),
        ...(input.releasedToo ? [] : [notInArray(schema.grantApplications.status, [...RELEASED])]),
        ...(input.exceptId ? [ne(schema.grantApplications.id, input.exceptId)] : []),
      ),
    )
    .orderBy(schema.grantApplications.createdAt, schema.grantApplications.id);
  return others.flatMap((other) => {
    const stored = readStoredFacts(other.facts);
    const theirs = stored.articleFacts;
    const shared =
      theirs.article === 'art6'
        ? theirs.invoiceNumbers.find((n) => mine.has(normaliseInvoice(n)))
        : undefined;
    return shared === undefined ? [] : [{ other, shared, reference: stored.projectReference }];
  });
}

/**
 * "The same contract or invoice is subsidised once" (DOMAIN-NOTES; Art. 15 从高不重复): refuses
 * (`invoice_already_declared`, CONFLICT) when one of `invoiceNumbers`, normalised, is already claimed by another Art. 6
 * declaration of the enterprise that is open or awarded. The message names the invoice and the other application's
 * reference and id, for the applicant and the reviewer.
 *
 * At apply every such declaration blocks. At approve (`approvingApplication` set) awarded ones always block and open
 * ones only when stored earlier, so of two declarations stored before this check existed the earlier one can still
 * be decided and the later one cannot. Callers hold the enterprise's grant lock (`lockEnterpriseGrants`), which
 * serialises every apply and approve of the enterprise: two simultaneous declarations cannot both pass.
 */
export async function requireInvoicesNotDeclared(
  tx: DbOrTx,
  input: {
    enterpriseId: string;
    invoiceNumbers: readonly string[];
    approvingApplication?: { id: string; createdAt: Date };
  },
): Promise<void> {
  const self = input.approvingApplication;
  const sharing = await declarationsSharingInvoices(tx, {
    enterpriseId: input.enterpriseId,
    invoiceNumbers: input.invoiceNumbers,
    exceptId: self?.id,
    releasedToo: false,
  });
  for (const { other, shared, reference } of sharing) {
    if (self && !AWARDED_STATES.includes(other.status as GrantStatus)) {
      const earlier =
        other.createdAt < self.createdAt ||
        (other.createdAt.getTime() === self.createdAt.getTime() && other.id < self.id);
      if (!earlier) continue;
    }
    throw domainError(
      'invoice_already_declared',
      'CONFLICT',
      `invoice_already_declared: invoice ${normaliseInvoice(shared)} is declared in application ${other.id} (reference ${reference})`,
    );
  }
}
