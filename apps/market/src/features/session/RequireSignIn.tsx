import { QueryState } from '@nanshan/ui';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from './use-me';

/** Renders its children for a signed-in user; sends everyone else to sign in and back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  return (
    <QueryState query={me}>
      {(data) =>
        data ? (
          children
        ) : (
          <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
        )
      }
    </QueryState>
  );
}
