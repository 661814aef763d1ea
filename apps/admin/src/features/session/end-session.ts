import { authClient } from '../../lib/auth-client';
import { queryClient } from '../../lib/trpc';

/** Signs out on the server and drops every cached answer given to this session. */
export async function endSession() {
  await authClient.signOut();
  queryClient.clear();
}
