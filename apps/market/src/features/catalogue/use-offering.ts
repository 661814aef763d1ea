import { useQuery } from '@tanstack/react-query';
import type { Offering } from '../../lib/api-types';
import { queryClient, trpc } from '../../lib/trpc';

const PAGE_SIZE = 100;

/**
 * One listed offering by id. The API has no `offerings.get` yet, so a page opened directly (not from the catalogue,
 * which hands the row over as router state) pages through the public catalogue until it finds the id.
 */
export function useOffering(offeringId: string, fromCatalogue: Offering | undefined) {
  return useQuery({
    queryKey: ['offering', offeringId],
    initialData: fromCatalogue?.id === offeringId ? fromCatalogue : undefined,
    staleTime: 60_000,
    queryFn: async (): Promise<Offering | null> => {
      for (let page = 1; ; page++) {
        const { items, total } = await queryClient.fetchQuery(
          trpc.offerings.list.queryOptions({ page, pageSize: PAGE_SIZE }),
        );
        const found = items.find((o) => o.id === offeringId);
        if (found) return found;
        if (page * PAGE_SIZE >= total || items.length === 0) return null;
      }
    },
  });
}
