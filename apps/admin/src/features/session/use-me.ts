import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';

export function useMe() {
  return useQuery(trpc.session.me.queryOptions(undefined, { staleTime: 60_000 }));
}
