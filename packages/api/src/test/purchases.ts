import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import type { Harness } from './harness';

type Caller = Awaited<ReturnType<Harness['callerFor']>>;

export const H800 = 'NVIDIA H800 训练集群 · 8 卡节点'; // 32.00 yuan per GPU-hour, Art. 6
export const AI_API = '鹏云大模型 API · 通用对话'; // 8.00 yuan per million tokens, Art. 9

export async function offeringId(h: Harness, title: string): Promise<string> {
  const [o] = await h.db.select().from(schema.offerings).where(eq(schema.offerings.title, title));
  if (!o) throw new Error(`demo offering ${title} missing`);
  return o.id;
}

let keys = 0;

/** Places an order at the harness clock's time and, unless `pay` is false, pays it through the simulated gateway. */
export async function buy(
  h: Harness,
  caller: Caller,
  title: string,
  quantity: number,
  options: { pay?: boolean; payAt?: string } = {},
): Promise<string> {
  keys += 1;
  const { orderId } = await caller.orders.place({
    offeringId: await offeringId(h, title),
    quantity,
    idempotencyKey: `test-purchase-${keys}-${Date.now()}`,
    notRelatedDeclared: true,
  });
  if (options.pay !== false) {
    if (options.payAt) h.setNow(options.payAt);
    await caller.payments.simulatePay({ orderId });
  }
  return orderId;
}
