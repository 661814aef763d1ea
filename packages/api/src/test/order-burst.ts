/**
 * A second server process for the concurrency tests: fires `placeOrder` for every key at once on its own
 * connection pool and prints one JSON line per order (`{ ok, orderId, subsidyFen }` or `{ ok: false, error }`). Input: one JSON argument.
 */
import { createDatabase } from '@nanshan/db';
import { enterpriseOfUser } from '../domains/enterprises/membership';
import { placeOrder } from '../domains/orders/place-order';
import { simulatedGateway } from '../payments/simulated';

const args = JSON.parse(process.argv[2]!) as {
  url: string;
  userId: string;
  offeringId: string;
  quantity: number;
  keys: string[];
  now: string;
};
const database = createDatabase({ url: args.url, maxConnections: 8 });
const enterprise = (await enterpriseOfUser(database.db, args.userId))!;
const results = await Promise.allSettled(
  args.keys.map((idempotencyKey) =>
    placeOrder(database.db, simulatedGateway, {
      enterprise,
      userId: args.userId,
      offeringId: args.offeringId,
      quantity: args.quantity,
      idempotencyKey,
      notRelatedDeclared: true,
      now: new Date(args.now),
    }),
  ),
);
for (const r of results) {
  console.log(
    JSON.stringify(
      r.status === 'fulfilled'
        ? { ok: true, orderId: r.value.id, subsidyFen: r.value.subsidyFen }
        : { ok: false, error: String(r.reason) },
    ),
  );
}
await database.close();
