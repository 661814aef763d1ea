import { queryClient, trpc } from '@nanshan/ui/api-client';

/**
 * After the profile or its members change, everything derived from the enterprise is out of date: who is signed in
 * (enterprise and verification), eligibility, caps, quotes and the incubator view.
 */
export async function refreshAfterEnterpriseChange() {
  await Promise.all([
    queryClient.invalidateQueries(trpc.session.pathFilter()),
    queryClient.invalidateQueries(trpc.enterprises.pathFilter()),
    queryClient.invalidateQueries(trpc.subsidy.pathFilter()),
    queryClient.invalidateQueries(trpc.orders.quote.pathFilter()),
    queryClient.invalidateQueries(trpc.incubator.pathFilter()),
  ]);
}
