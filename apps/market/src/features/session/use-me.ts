import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';

/** The signed-in user and their enterprise (null when signed out). */
export function useMe() {
  return useQuery(trpc.session.me.queryOptions(undefined, { staleTime: 60_000 }));
}
