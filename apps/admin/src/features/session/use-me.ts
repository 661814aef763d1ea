import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';

export function useMe() {
  return useQuery(trpc.session.me.queryOptions(undefined, { staleTime: 60_000 }));
}
