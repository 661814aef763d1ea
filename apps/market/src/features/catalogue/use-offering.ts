import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import type { Offering } from '../../lib/api-types';

/**
 * One listed offering by id (`offerings.get`). Opened from the catalogue, the row it handed over as router state
 * shows at once while the fresh copy loads. An offering that is not listed (or not found) reads as null.
 */
export function useOffering(offeringId: string, fromCatalogue: Offering | undefined) {
  return useQuery(
    trpc.offerings.get.queryOptions(
      { offeringId },
      {
        placeholderData: fromCatalogue?.id === offeringId ? fromCatalogue : undefined,
        staleTime: 60_000,
        select: (o): Offering | null => o,
        retry: (count, error) => error.data?.reason !== 'offering_not_found' && count < 2,
      },
    ),
  );
}
