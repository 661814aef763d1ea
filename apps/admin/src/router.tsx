import { createBrowserRouter } from 'react-router';
import { GuardedLayout, PublicLayout } from './routes/layout';
import { NotFoundRoute } from './routes/not-found';
import { OrdersRoute } from './routes/orders';
import { OverviewRoute } from './routes/overview';
import { RouteError } from './routes/route-error';
import { SignInRoute } from './routes/sign-in';

/** Served under /admin (Vite `base`), so the router's basename follows it. */
const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

export const router = createBrowserRouter(
  [
    {
      element: <PublicLayout />,
      errorElement: <RouteError />,
      children: [{ path: 'sign-in', element: <SignInRoute /> }],
    },
    {
      element: <GuardedLayout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <OverviewRoute /> },
        { path: 'orders', element: <OrdersRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ],
  { basename },
);
