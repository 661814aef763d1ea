import { queryClient, trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';

/** The caller's provider (profile, status, validity, checklist, decisions, documents); null before registering. */
export function useProvider() {
  return useQuery(trpc.providers.mine.queryOptions());
}

/** After a provider-side change, the provider's views (and the public catalogue it feeds) are out of date. */
export async function refreshProviderViews() {
  await Promise.all([
    queryClient.invalidateQueries(trpc.providers.pathFilter()),
    queryClient.invalidateQueries(trpc.offerings.pathFilter()),
    queryClient.invalidateQueries(trpc.providerOrders.pathFilter()),
  ]);
}
