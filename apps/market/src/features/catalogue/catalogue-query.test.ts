import { describe, expect, it } from 'vitest';
import { catalogueListInput, readCatalogueQuery, writeCatalogueQuery } from './catalogue-query';

describe('catalogue query in the URL', () => {
  it('reads defaults from an empty URL and ignores junk', () => {
    const q = readCatalogueQuery(new URLSearchParams('kind=gpu&sort=cheapest&page=-2&provider=x'));
    expect(q).toEqual({
      search: '',
      kind: undefined,
      gpu: undefined,
      provider: undefined,
      minYuan: undefined,
      maxYuan: undefined,
      subsidisedOnly: false,
      sort: 'price_asc',
      page: 1,
    });
  });

  it('round-trips and returns to page 1 when a filter changes', () => {
    let params = writeCatalogueQuery(new URLSearchParams(), {
      kind: 'compute',
      gpu: 'NVIDIA H800 80GB',
      page: 3,
    });
    expect(readCatalogueQuery(params)).toMatchObject({ kind: 'compute', gpu: 'NVIDIA H800 80GB', page: 3 });
    params = writeCatalogueQuery(params, { subsidisedOnly: true });
    expect(params.get('page')).toBeNull();
    expect(readCatalogueQuery(params).subsidisedOnly).toBe(true);
    params = writeCatalogueQuery(params, { sort: 'price_asc', subsidisedOnly: false, gpu: undefined });
    expect(params.toString()).toBe('kind=compute');
  });

  it('turns 元 bounds into integer fen, swaps a reversed range and drops invalid bounds', () => {
    const base = readCatalogueQuery(new URLSearchParams('min=50&max=12.5'));
    expect(catalogueListInput(base, 10, false)).toMatchObject({ minFen: 1250, maxFen: 5000 });
    const bad = readCatalogueQuery(new URLSearchParams('min=abc&max=0.1'));
    expect(catalogueListInput(bad, 10, false)).toMatchObject({ minFen: undefined, maxFen: 10 });
  });

  it('sorts by subsidy only for an enterprise', () => {
    const q = readCatalogueQuery(new URLSearchParams('sort=subsidy_desc'));
    expect(catalogueListInput(q, 10, false).sort).toBe('price_asc');
    expect(catalogueListInput(q, 10, true).sort).toBe('subsidy_desc');
  });
});
