import { QueryState } from '@nanshan/ui';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { endSession } from './end-session';
import { useMe } from './use-me';

export interface SignInState {
  adminsOnly?: boolean;
  next?: string;
}

/**
 * Staff only. The server refuses every admin procedure to other roles anyway; this guard keeps a non-admin session
 * from lingering in the staff console: it signs that session out and says why on the sign-in page.
 */
export function AdminGuard({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const notAdmin = me.data != null && me.data.user.role !== 'admin';

  useEffect(() => {
    if (!notAdmin) return;
    void endSession().then(() =>
      navigate('/sign-in', { replace: true, state: { adminsOnly: true } as SignInState }),
    );
  }, [notAdmin, navigate]);

  return (
    <QueryState query={me}>
      {(data) =>
        !data ? (
          <Navigate
            to="/sign-in"
            replace
            state={{ next: location.pathname + location.search } as SignInState}
          />
        ) : data.user.role === 'admin' ? (
          children
        ) : null
      }
    </QueryState>
  );
}
