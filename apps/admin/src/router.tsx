import { createBrowserRouter } from 'react-router';
import { AuditRoute } from './routes/audit';
import { EnterpriseRoute } from './routes/enterprise';
import { EnterprisesRoute } from './routes/enterprises';
import { GrantRoute } from './routes/grant';
import { GrantsRoute } from './routes/grants';
import { IncubatorRoute } from './routes/incubator';
import { GuardedLayout, PublicLayout } from './routes/layout';
import { NotFoundRoute } from './routes/not-found';
import { OrdersRoute } from './routes/orders';
import { OverviewRoute } from './routes/overview';
import { PageLoading } from './routes/page-loading';
import { ParametersRoute } from './routes/parameters';
import { PayoutBatchRoute } from './routes/payout-batch';
import { ProviderRoute } from './routes/provider';
import { ProvidersRoute } from './routes/providers';
import { RouteError } from './routes/route-error';
import { SettlementRoute } from './routes/settlement';
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
      // Shown while a lazily loaded page (fund, reports) arrives on a first visit.
      hydrateFallbackElement: <PageLoading />,
      children: [
        { index: true, element: <OverviewRoute /> },
        { path: 'enterprises', element: <EnterprisesRoute /> },
        { path: 'enterprises/:enterpriseId', element: <EnterpriseRoute /> },
        { path: 'providers', element: <ProvidersRoute /> },
        { path: 'providers/:providerId', element: <ProviderRoute /> },
        { path: 'grants', element: <GrantsRoute /> },
        { path: 'grants/:grantId', element: <GrantRoute /> },
        // The chart pages load recharts with them, not with the app.
        { path: 'fund', lazy: () => import('./routes/fund').then((m) => ({ Component: m.FundRoute })) },
        { path: 'settlement', element: <SettlementRoute /> },
        { path: 'settlement/batches/:batchId', element: <PayoutBatchRoute /> },
        {
          path: 'reports',
          lazy: () => import('./routes/reports').then((m) => ({ Component: m.ReportsRoute })),
        },
        { path: 'audit', element: <AuditRoute /> },
        { path: 'parameters', element: <ParametersRoute /> },
        { path: 'incubator', element: <IncubatorRoute /> },
        { path: 'orders', element: <OrdersRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ],
  { basename },
);
