import { useNavigate } from 'react-router';
import { authClient } from '../../lib/auth-client';
import { queryClient } from '../../lib/trpc';

/** Ends the server session and forgets everything cached for this user. */
export function useSignOut() {
  const navigate = useNavigate();
  return async () => {
    await authClient.signOut();
    queryClient.clear();
    await navigate('/');
  };
}
