import { queryClient, trpc } from '@nanshan/ui/api-client';

/** After an order changes state, every view of orders, quotes and the cap is out of date. */
export async function refreshAfterOrderChange() {
  await Promise.all([
    queryClient.invalidateQueries(trpc.orders.pathFilter()),
    queryClient.invalidateQueries(trpc.subsidy.pathFilter()),
  ]);
}
