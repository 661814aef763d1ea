import { adminEnterprisesRouter } from './domains/enterprises/admin-router';
import { enterprisesRouter } from './domains/enterprises/router';
import { fundRouter } from './domains/fund/router';
import { incubatorRouter } from './domains/incubator/router';
import { offeringsRouter } from './domains/offerings/router';
import { adminOrdersRouter } from './domains/orders/admin-router';
import { ordersRouter } from './domains/orders/router';
import { paymentsRouter } from './domains/payments/router';
import { sessionRouter } from './domains/session/router';
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
  admin: router({ orders: adminOrdersRouter, fund: fundRouter, enterprises: adminEnterprisesRouter }),
});

export type AppRouter = typeof appRouter;
