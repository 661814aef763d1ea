import { authClient, queryClient } from '@nanshan/ui/api-client';

/** Signs out on the server and drops every cached answer given to this session. */
export async function endSession() {
  await authClient.signOut();
  queryClient.clear();
}
