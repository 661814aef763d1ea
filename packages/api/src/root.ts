import { auditRouter } from './domains/audit/router';
import { documentsRouter } from './domains/documents/router';
import { adminEnterprisesRouter } from './domains/enterprises/admin-router';
import { enterprisesRouter } from './domains/enterprises/router';
import { fundRouter } from './domains/fund/router';
import { adminGrantsRouter } from './domains/grants/admin-router';
import { grantsRouter } from './domains/grants/router';
import { adminIncubatorRouter } from './domains/incubator/admin-router';
import { incubatorRouter } from './domains/incubator/router';
import { offeringsRouter } from './domains/offerings/router';
import { adminOrdersRouter } from './domains/orders/admin-router';
import { ordersRouter } from './domains/orders/router';
import { parametersRouter } from './domains/parameters/router';
import { paymentsRouter } from './domains/payments/router';
import { providerOrdersRouter } from './domains/provider-orders/router';
import { adminProvidersRouter } from './domains/providers/admin-router';
import { providersRouter } from './domains/providers/router';
import { reportsRouter } from './domains/reports/router';
import { sessionRouter } from './domains/session/router';
import { settlementRouter } from './domains/settlement/router';
import { statementsRouter } from './domains/statements/router';
import { subsidyRouter } from './domains/subsidy/router';
import { router } from './trpc';

export const appRouter = router({
  session: sessionRouter,
  offerings: offeringsRouter,
  orders: ordersRouter,
  payments: paymentsRouter,
  subsidy: subsidyRouter,
  enterprises: enterprisesRouter,
  statements: statementsRouter,
  incubator: incubatorRouter,
  grants: grantsRouter,
  providers: providersRouter,
  providerOrders: providerOrdersRouter,
  documents: documentsRouter,
  admin: router({
    orders: adminOrdersRouter,
    fund: fundRouter,
    enterprises: adminEnterprisesRouter,
    settlement: settlementRouter,
    audit: auditRouter,
    reports: reportsRouter,
    parameters: parametersRouter,
    grants: adminGrantsRouter,
    providers: adminProvidersRouter,
    incubator: adminIncubatorRouter,
  }),
});

export type AppRouter = typeof appRouter;
