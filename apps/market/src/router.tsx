import { createBrowserRouter } from 'react-router';
import { RequireSignIn } from './features/session/RequireSignIn';
import { CatalogueRoute } from './routes/catalogue';
import { DashboardRoute } from './routes/dashboard';
import { Layout } from './routes/layout';
import { NotFoundRoute } from './routes/not-found';
import { OfferingRoute } from './routes/offering';
import { OrderRoute } from './routes/order';
import { OrdersRoute } from './routes/orders';
import { RouteError } from './routes/route-error';
import { SignInRoute } from './routes/sign-in';
import { SignUpRoute } from './routes/sign-up';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <CatalogueRoute /> },
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'sign-up', element: <SignUpRoute /> },
      { path: 'offerings/:offeringId', element: <OfferingRoute /> },
      {
        path: 'dashboard',
        element: (
          <RequireSignIn>
            <DashboardRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'orders',
        element: (
          <RequireSignIn>
            <OrdersRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'orders/:orderId',
        element: (
          <RequireSignIn>
            <OrderRoute />
          </RequireSignIn>
        ),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
