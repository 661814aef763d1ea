import { authClient, queryClient } from '@nanshan/ui/api-client';
import { useNavigate } from 'react-router';

/** Ends the server session and forgets everything cached for this user. */
export function useSignOut() {
  const navigate = useNavigate();
  return async () => {
    await authClient.signOut();
    queryClient.clear();
    await navigate('/');
  };
}
