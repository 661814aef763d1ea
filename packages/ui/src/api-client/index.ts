/** The browser's side of the API, shared by both apps: the tRPC client and query cache, and the auth client. */
export { authClient } from './auth-client';
export { queryClient, type RouterError, trpc, trpcClient } from './trpc';
