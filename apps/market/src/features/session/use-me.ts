import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';

/** The signed-in user and their enterprise (null when signed out). */
export function useMe() {
  return useQuery(trpc.session.me.queryOptions(undefined, { staleTime: 60_000 }));
}
