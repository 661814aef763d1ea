import { parseAmountToFen } from '@nanshan/ui';

export const SORTS = ['price_asc', 'price_desc', 'newest', 'subsidy_desc'] as const;
export type CatalogueSort = (typeof SORTS)[number];

/** The catalogue's state as the URL keeps it, so back/forward and shared links show the same page. */
export interface CatalogueQuery {
  search: string;
  kind: 'compute' | 'ai_service' | undefined;
  gpu: string | undefined;
  provider: string | undefined;
  /** Unit-price bounds as typed, in 元. */
  minYuan: string | undefined;
  maxYuan: string | undefined;
  subsidisedOnly: boolean;
  sort: CatalogueSort;
  page: number;
}

const KEYS = {
  search: 'q',
  kind: 'kind',
  gpu: 'gpu',
  provider: 'provider',
  minYuan: 'min',
  maxYuan: 'max',
  subsidisedOnly: 'subsidised',
  sort: 'sort',
  page: 'page',
} as const satisfies Record<keyof CatalogueQuery, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readCatalogueQuery(params: URLSearchParams): CatalogueQuery {
  const kind = params.get(KEYS.kind);
  const sort = params.get(KEYS.sort);
  const page = Number(params.get(KEYS.page));
  const provider = params.get(KEYS.provider) ?? undefined;
  return {
    search: params.get(KEYS.search) ?? '',
    kind: kind === 'compute' || kind === 'ai_service' ? kind : undefined,
    gpu: params.get(KEYS.gpu) || undefined,
    provider: provider && UUID.test(provider) ? provider : undefined,
    minYuan: params.get(KEYS.minYuan) || undefined,
    maxYuan: params.get(KEYS.maxYuan) || undefined,
    subsidisedOnly: params.get(KEYS.subsidisedOnly) === '1',
    sort: SORTS.find((s) => s === sort) ?? 'price_asc',
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** Applies changes to the URL's parameters; any change but the page's returns to page 1. */
export function writeCatalogueQuery(
  params: URLSearchParams,
  changes: Partial<CatalogueQuery>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [field, value] of Object.entries(changes) as Array<[keyof CatalogueQuery, unknown]>) {
    const key = KEYS[field];
    const text =
      typeof value === 'boolean'
        ? value
          ? '1'
          : ''
        : value === undefined || value === null
          ? ''
          : String(value);
    const isDefault = (field === 'sort' && text === 'price_asc') || (field === 'page' && text === '1');
    if (text === '' || isDefault) next.delete(key);
    else next.set(key, text);
  }
  if (!('page' in changes)) next.delete(KEYS.page);
  return next;
}

/** The `offerings.list` input for a query; a price bound that is not a valid amount is left out (the box says so). */
export function catalogueListInput(query: CatalogueQuery, pageSize: number, canSortBySubsidy: boolean) {
  const fen = (text: string | undefined) => {
    if (!text) return undefined;
    const parsed = parseAmountToFen(text, 'yuan');
    return parsed.ok ? parsed.fen : undefined;
  };
  let minFen = fen(query.minYuan);
  let maxFen = fen(query.maxYuan);
  // Typed the wrong way round: read as the range the person meant rather than refusing it.
  if (minFen !== undefined && maxFen !== undefined && minFen > maxFen) [minFen, maxFen] = [maxFen, minFen];
  return {
    search: query.search || undefined,
    kind: query.kind,
    gpuModel: query.gpu,
    providerId: query.provider,
    minFen,
    maxFen,
    subsidisedOnly: query.subsidisedOnly,
    sort: query.sort === 'subsidy_desc' && !canSortBySubsidy ? ('price_asc' as const) : query.sort,
    page: query.page,
    pageSize,
  };
}
