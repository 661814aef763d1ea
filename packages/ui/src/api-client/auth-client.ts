import { createAuthClient } from 'better-auth/react';

/** better-auth on the same origin (the Vite dev server proxies /api to the API process). */
export const authClient = createAuthClient({ baseURL: window.location.origin, basePath: '/api/auth' });
