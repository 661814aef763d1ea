import { trpc } from '@nanshan/ui/api-client';
import { useQueryClient } from '@tanstack/react-query';

/** After a decision: the application, the queue, the fund and settlement all may have moved. */
export function useGrantRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.grants.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.fund.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.settlement.pathKey() }),
    ]);
}
