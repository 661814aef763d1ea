import { type DbOrTx, schema } from '@nanshan/db';
import { and, eq, ne, notInArray } from 'drizzle-orm';
import { domainError } from '../../errors';
import { readStoredFacts } from './facts';
import { normaliseReference } from './project-key';
import { AWARDED_STATES, type GrantStatus } from './workflow';

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
  const mine = new Set(input.invoiceNumbers.map(normaliseInvoice).filter((n) => n.length > 0));
  if (mine.size === 0) return;
  const self = input.approvingApplication;
  const others = await tx
    .select()
    .from(schema.grantApplications)
    .where(
      and(
        eq(schema.grantApplications.enterpriseId, input.enterpriseId),
        eq(schema.grantApplications.article, 'art6'),
        notInArray(schema.grantApplications.status, [...RELEASED]),
        ...(self ? [ne(schema.grantApplications.id, self.id)] : []),
      ),
    )
    .orderBy(schema.grantApplications.createdAt, schema.grantApplications.id);
  for (const other of others) {
    if (self && !AWARDED_STATES.includes(other.status as GrantStatus)) {
      const earlier =
        other.createdAt < self.createdAt ||
        (other.createdAt.getTime() === self.createdAt.getTime() && other.id < self.id);
      if (!earlier) continue;
    }
    const stored = readStoredFacts(other.facts);
    const theirs = stored.articleFacts;
    if (theirs.article !== 'art6') continue;
    const shared = theirs.invoiceNumbers.find((n) => mine.has(normaliseInvoice(n)));
    if (shared === undefined) continue;
    throw domainError(
      'invoice_already_declared',
      'CONFLICT',
      `invoice_already_declared: invoice ${normaliseInvoice(shared)} is declared in application ${other.id} (reference ${stored.projectReference})`,
    );
  }
}
