import { queryClient, trpc } from '@nanshan/ui/api-client';

/** After an application changes, the lists, the application and the notices are out of date. */
export async function refreshGrants() {
  await queryClient.invalidateQueries(trpc.grants.pathFilter());
}
