import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireRole } from './features/session/RequireRole';
import { RequireSignIn } from './features/session/RequireSignIn';
import { CatalogueRoute } from './routes/catalogue';
import { DashboardRoute } from './routes/dashboard';
import { EnterpriseRoute } from './routes/enterprise';
import { EnterpriseEditRoute } from './routes/enterprise-edit';
import { EnterpriseRegisterRoute } from './routes/enterprise-register';
import { GrantsRoute } from './routes/grants';
import { GrantApplicationRoute } from './routes/grants-application';
import { GrantsNewRoute } from './routes/grants-new';
import { IncubatorRoute } from './routes/incubator';
import { Layout } from './routes/layout';
import { NotFoundRoute } from './routes/not-found';
import { OfferingRoute } from './routes/offering';
import { OrderRoute } from './routes/order';
import { OrdersRoute } from './routes/orders';
import { ProviderDashboardRoute } from './routes/provider-dashboard';
import { ProviderOfferingEditRoute } from './routes/provider-offering-edit';
import { ProviderOfferingsRoute } from './routes/provider-offerings';
import { ProviderProfileRoute } from './routes/provider-profile';
import { ProviderRegisterRoute } from './routes/provider-register';
import { ReceiptRoute } from './routes/receipt';
import { RouteError } from './routes/route-error';
import { SignInRoute } from './routes/sign-in';
import { SignUpRoute } from './routes/sign-up';

/** A signed-in SME page; `withEnterprise` sends a user without an enterprise to register one first. */
function sme(page: ReactNode, withEnterprise = true) {
  return (
    <RequireSignIn>
      <RequireRole as="sme" withEnterprise={withEnterprise}>
        {page}
      </RequireRole>
    </RequireSignIn>
  );
}

/** A signed-in provider page. */
function provider(page: ReactNode) {
  return (
    <RequireSignIn>
      <RequireRole as="provider">{page}</RequireRole>
    </RequireSignIn>
  );
}

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
      { path: 'enterprise', element: sme(<EnterpriseRoute />, false) },
      { path: 'enterprise/register', element: sme(<EnterpriseRegisterRoute />, false) },
      { path: 'enterprise/edit', element: sme(<EnterpriseEditRoute />) },
      { path: 'incubator', element: sme(<IncubatorRoute />) },
      { path: 'grants', element: sme(<GrantsRoute />) },
      { path: 'grants/new', element: sme(<GrantsNewRoute />) },
      { path: 'grants/:applicationId', element: sme(<GrantApplicationRoute />) },
      { path: 'orders', element: sme(<OrdersRoute />) },
      { path: 'orders/:orderId', element: sme(<OrderRoute />) },
      { path: 'orders/:orderId/receipt', element: sme(<ReceiptRoute />) },
      { path: 'provider', element: provider(<ProviderDashboardRoute />) },
      { path: 'provider/register', element: provider(<ProviderRegisterRoute />) },
      { path: 'provider/profile', element: provider(<ProviderProfileRoute />) },
      { path: 'provider/offerings', element: provider(<ProviderOfferingsRoute />) },
      { path: 'provider/offerings/new', element: provider(<ProviderOfferingEditRoute />) },
      { path: 'provider/offerings/:offeringId/edit', element: provider(<ProviderOfferingEditRoute />) },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
