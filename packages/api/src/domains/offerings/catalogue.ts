import { type DbOrTx, schema, toSafeInteger } from '@nanshan/db';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  isNotNull,
  isNull,
  lte,
  max,
  min,
  or,
  type SQL,
} from 'drizzle-orm';
import { shenzhenDate } from '../../clock';
import { domainError } from '../../errors';
import type { EnterpriseRow } from '../enterprises/membership';
import type { ProviderKind } from '../providers/facts';
import { providerActiveOnSql } from '../providers/filing-period';
import {
  type BuyerSnapshot,
  buyerSnapshot,
  type CatalogueSubsidy,
  catalogueSubsidy,
} from './catalogue-subsidy';
import type { OfferingKind, OfferingUnit, ServiceKind } from './offering-rules';

type OfferingRow = typeof schema.offerings.$inferSelect;
type ProviderRow = typeof schema.providers.$inferSelect;

export const CATALOGUE_SORTS = ['price_asc', 'price_desc', 'newest', 'subsidy_desc'] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

export interface CatalogueFilters {
  search?: string | undefined;
  kind?: OfferingKind | undefined;
  gpuModel?: string | undefined;
  /** Unit price range, inclusive, in fen. */
  minFen?: number | undefined;
  maxFen?: number | undefined;
  providerId?: string | undefined;
  /** Only offerings that carry a subsidy (for an enterprise: a subsidy for it, now, above zero). */
  subsidisedOnly?: boolean | undefined;
}

/** `%` and `_` typed into the search box are literal characters, not wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * What any buyer could be subsidised for: compute sold as compute by a centre in Shenzhen (Art. 6) or a filed cloud
 * vendor's services (Art. 9). Whether a given enterprise gets anything is decided per enterprise by the rules.
 */
const subsidisableSql = or(
  and(
    eq(schema.providers.kind, 'computing_centre'),
    eq(schema.providers.inShenzhen, true),
    eq(schema.offerings.serviceKind, 'compute'),
  ),
  and(eq(schema.providers.kind, 'cloud_vendor'), eq(schema.providers.status, 'filed')),
)!;

/**
 * Listed offerings of providers that are active and inside their validity period today, narrowed by the filters.
 * The Art. 10 compute pool is sold to incubator tenants only, from their incubator page, never in the catalogue.
 */
function catalogueWhere(filters: CatalogueFilters, today: string): SQL {
  const conditions: SQL[] = [
    eq(schema.offerings.status, 'listed'),
    isNull(schema.offerings.poolId),
    providerActiveOnSql(today),
  ];
  if (filters.kind) conditions.push(eq(schema.offerings.kind, filters.kind));
  if (filters.gpuModel) conditions.push(eq(schema.offerings.gpuModel, filters.gpuModel));
  if (filters.minFen !== undefined) conditions.push(gte(schema.offerings.unitPriceFen, filters.minFen));
  if (filters.maxFen !== undefined) conditions.push(lte(schema.offerings.unitPriceFen, filters.maxFen));
  if (filters.providerId) conditions.push(eq(schema.offerings.providerId, filters.providerId));
  if (filters.subsidisedOnly) conditions.push(subsidisableSql);
  if (filters.search) {
    const like = likePattern(filters.search);
    conditions.push(
      or(
        ilike(schema.offerings.title, like),
        ilike(schema.offerings.gpuModel, like),
        ilike(schema.providers.name, like),
        ilike(schema.offerings.description, like),
      )!,
    );
  }
  return and(...conditions)!;
}

function orderOf(sort: Exclude<CatalogueSort, 'subsidy_desc'>): SQL[] {
  switch (sort) {
    case 'price_asc':
      return [asc(schema.offerings.unitPriceFen), asc(schema.offerings.id)];
    case 'price_desc':
      return [desc(schema.offerings.unitPriceFen), asc(schema.offerings.id)];
    case 'newest':
      return [desc(schema.offerings.createdAt), desc(schema.offerings.id)];
  }
}

function catalogueItem(offering: OfferingRow, provider: ProviderRow, subsidy: CatalogueSubsidy | null) {
  return {
    id: offering.id,
    title: offering.title,
    providerId: provider.id,
    providerName: provider.name,
    providerKind: provider.kind as ProviderKind,
    kind: offering.kind as OfferingKind,
    serviceKind: offering.serviceKind as ServiceKind,
    gpuModel: offering.gpuModel,
    gpuCount: offering.gpuCount,
    unit: offering.unit as OfferingUnit,
    unitPriceFen: offering.unitPriceFen,
    region: offering.region,
    description: offering.description,
    minQuantity: offering.minQuantity,
    maxQuantity: offering.maxQuantity,
    /** Units left (null = not limited by stock). */
    stock: offering.stock,
    createdAt: offering.createdAt,
    /** For a signed-in enterprise: its subsidy now at the minimum quantity; null for everyone else. */
    subsidy,
  };
}

export type CatalogueItem = ReturnType<typeof catalogueItem>;

/**
 * The public catalogue page. For an enterprise every item carries its subsidy now (counters read once). Sorting by
 * subsidy, or keeping only what subsidises this enterprise, needs every match priced, so those requests price all
 * matches in memory and page afterwards; the rest page in SQL and price only the page.
 */
export async function listCatalogue(
  db: DbOrTx,
  input: {
    filters: CatalogueFilters;
    sort: CatalogueSort;
    page: number;
    pageSize: number;
    buyer: EnterpriseRow | null;
    now: Date;
  },
): Promise<{ total: number; items: CatalogueItem[] }> {
  const where = catalogueWhere(input.filters, shenzhenDate(input.now));
  const offset = (input.page - 1) * input.pageSize;
  const select = () =>
    db
      .select({ offering: schema.offerings, provider: schema.providers })
      .from(schema.offerings)
      .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId))
      .where(where);

  if (!input.buyer) {
    if (input.sort === 'subsidy_desc')
      throw domainError('subsidy_sort_needs_enterprise', 'PRECONDITION_FAILED');
    const [rows, [total]] = await Promise.all([
      select()
        .orderBy(...orderOf(input.sort))
        .limit(input.pageSize)
        .offset(offset),
      db
        .select({ n: count() })
        .from(schema.offerings)
        .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId))
        .where(where),
    ]);
    return {
      total: toSafeInteger(total?.n),
      items: rows.map(({ offering, provider }) => catalogueItem(offering, provider, null)),
    };
  }

  const snapshot = await buyerSnapshot(db, input.buyer, input.now);
  if (input.sort !== 'subsidy_desc' && !input.filters.subsidisedOnly) {
    const [rows, [total]] = await Promise.all([
      select()
        .orderBy(...orderOf(input.sort))
        .limit(input.pageSize)
        .offset(offset),
      db
        .select({ n: count() })
        .from(schema.offerings)
        .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId))
        .where(where),
    ]);
    return { total: toSafeInteger(total?.n), items: priced(snapshot, rows) };
  }
  const rows = await select().orderBy(...orderOf(input.sort === 'subsidy_desc' ? 'price_asc' : input.sort));
  let items = priced(snapshot, rows);
  if (input.filters.subsidisedOnly) items = items.filter((i) => i.subsidy!.subsidyFen > 0);
  if (input.sort === 'subsidy_desc') {
    // Array.prototype.sort is stable: equal subsidies keep the price-ascending order of the query.
    items.sort((a, b) => b.subsidy!.subsidyFen - a.subsidy!.subsidyFen);
  }
  return { total: items.length, items: items.slice(offset, offset + input.pageSize) };
}

function priced(snapshot: BuyerSnapshot, rows: Array<{ offering: OfferingRow; provider: ProviderRow }>) {
  return rows.map(({ offering, provider }) =>
    catalogueItem(offering, provider, catalogueSubsidy(snapshot, offering, provider)),
  );
}

/** One offering as the catalogue shows it (listed, provider active and in its period), or `offering_not_found`. */
export async function catalogueOffering(
  db: DbOrTx,
  input: { offeringId: string; buyer: EnterpriseRow | null; now: Date },
): Promise<CatalogueItem> {
  const where = and(catalogueWhere({}, shenzhenDate(input.now)), eq(schema.offerings.id, input.offeringId));
  const [row] = await db
    .select({ offering: schema.offerings, provider: schema.providers })
    .from(schema.offerings)
    .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId))
    .where(where);
  if (!row) throw domainError('offering_not_found', 'NOT_FOUND');
  const subsidy = input.buyer
    ? catalogueSubsidy(await buyerSnapshot(db, input.buyer, input.now), row.offering, row.provider)
    : null;
  return catalogueItem(row.offering, row.provider, subsidy);
}

/**
 * The choices for the catalogue's filter dropdowns, counted over what the catalogue shows today: kinds, GPU models,
 * providers, units and the unit-price range. With `kind`, everything but the kinds is narrowed to that kind.
 */
export async function catalogueFacets(db: DbOrTx, input: { kind?: OfferingKind | undefined; now: Date }) {
  const today = shenzhenDate(input.now);
  const all = catalogueWhere({}, today);
  const narrowed = catalogueWhere({ kind: input.kind }, today);
  const from = <T extends Parameters<DbOrTx['select']>[0]>(fields: T) =>
    db
      .select(fields)
      .from(schema.offerings)
      .innerJoin(schema.providers, eq(schema.providers.id, schema.offerings.providerId));
  const [kinds, gpuModels, providers, units, [range]] = await Promise.all([
    from({ kind: schema.offerings.kind, n: count() }).where(all).groupBy(schema.offerings.kind),
    from({ gpuModel: schema.offerings.gpuModel, n: count() })
      .where(and(narrowed, isNotNull(schema.offerings.gpuModel)))
      .groupBy(schema.offerings.gpuModel)
      .orderBy(asc(schema.offerings.gpuModel)),
    from({ id: schema.providers.id, name: schema.providers.name, kind: schema.providers.kind, n: count() })
      .where(narrowed)
      .groupBy(schema.providers.id, schema.providers.name, schema.providers.kind)
      .orderBy(asc(schema.providers.name)),
    from({ unit: schema.offerings.unit, n: count() })
      .where(narrowed)
      .groupBy(schema.offerings.unit)
      .orderBy(asc(schema.offerings.unit)),
    from({ minFen: min(schema.offerings.unitPriceFen), maxFen: max(schema.offerings.unitPriceFen) }).where(
      narrowed,
    ),
  ]);
  return {
    kinds: kinds
      .map((k) => ({ kind: k.kind as OfferingKind, count: toSafeInteger(k.n) }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
    gpuModels: gpuModels.map((g) => ({ gpuModel: g.gpuModel!, count: toSafeInteger(g.n) })),
    providers: providers.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind as ProviderKind,
      count: toSafeInteger(p.n),
    })),
    units: units.map((u) => ({ unit: u.unit as OfferingUnit, count: toSafeInteger(u.n) })),
    priceRange:
      range?.minFen === null || range?.minFen === undefined
        ? null
        : { minFen: toSafeInteger(range.minFen), maxFen: toSafeInteger(range.maxFen) },
  };
}
