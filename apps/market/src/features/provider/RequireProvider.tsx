import { QueryState } from '@nanshan/ui';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { ProviderProfile } from '../../lib/api-types';
import { useProvider } from './use-provider';

/** Renders its children with the caller's provider; a provider user who has not registered one is sent to do so. */
export function RequireProvider({ children }: { children: (provider: ProviderProfile) => ReactNode }) {
  const provider = useProvider();
  return (
    <QueryState query={provider} skeletonRows={8}>
      {(p) => (p ? children(p) : <Navigate to="/provider/register" replace />)}
    </QueryState>
  );
}
