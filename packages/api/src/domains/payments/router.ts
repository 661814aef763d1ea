import { z } from 'zod';
import { domainError } from '../../errors';
import { router, smeProcedure } from '../../trpc';
import { requireEnterprise } from '../enterprises/membership';
import { orderView } from '../orders/order-view';
import { ownOrder } from '../orders/router';
import { completePayment } from '../orders/settle-order';

export const paymentsRouter = router({
  /** Demo only: completes an order's payment when the server runs the simulated gateway. */
  simulatePay: smeProcedure.input(z.object({ orderId: z.uuid() })).mutation(async ({ ctx, input }) => {
    if (ctx.payments.kind !== 'simulated') throw domainError('simulated_payments_disabled', 'FORBIDDEN');
    const enterprise = await requireEnterprise(ctx.db, ctx.user.id);
    const { providerName } = await ownOrder(ctx.db, enterprise.id, input.orderId);
    const order = await completePayment(ctx.db, {
      orderId: input.orderId,
      actorUserId: ctx.user.id,
      now: ctx.now(),
    });
    return orderView(order, providerName);
  }),
});
